/// A submodule of the repository that contains the context, as `.gitmodules` and the index describe it.
package struct GitSubmodule: Sendable, Hashable, Codable {
    /// The submodule's name in `.gitmodules`.
    package let name: String
    /// Its directory relative to the outer repository's work tree, without a trailing `/`; a nested submodule's path
    /// includes its parents' paths.
    package let path: String
    /// Its URL as configured, or nil when none is set.
    package let url: String?
    /// True when its work tree is checked out, so that its files were classified by its own status.
    package let isCheckedOut: Bool
}
