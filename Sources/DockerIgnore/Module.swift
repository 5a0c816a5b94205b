// The DockerIgnore module; see Package.swift for its role.
