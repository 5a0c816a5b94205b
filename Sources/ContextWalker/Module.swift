// The ContextWalker module; see Package.swift for its role.
