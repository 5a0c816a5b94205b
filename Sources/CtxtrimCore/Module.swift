// The CtxtrimCore module; see Package.swift for its role.
