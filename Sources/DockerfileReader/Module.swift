// The DockerfileReader module; see Package.swift for its role.
