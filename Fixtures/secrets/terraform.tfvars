gcp_project_id = "<project_id_here>"
memorystore = false
