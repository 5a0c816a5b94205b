/// The ecosystems `fix --dockerfile` rewrites, each recognised from the Dockerfile and the context together.
package enum RewriteEcosystem: String, Sendable, CaseIterable {
    case go = "Go"
    case rust = "Rust"
    case maven = "Maven"
    case gradle = "Gradle"
    case node = "Node.js (npm)"
    case python = "Python (pip)"
}
