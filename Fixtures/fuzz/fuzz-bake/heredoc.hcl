target "a" {
  args = <<EOT
never closed
