/// What a stage starts from: an image (with its tag or digest), an earlier stage, or `scratch`.
package struct BaseImage: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        case image
        /// An earlier stage, by index.
        case stage(Int)
        case scratch
    }

    /// The reference after global `ARG` substitution.
    package let reference: String
    package let kind: Kind
    /// The repository part of an image reference, without tag or digest.
    package let repository: String?
    package let tag: String?
    /// The digest after `@`, such as `sha256:...`.
    package let digest: String?
    /// Variables the reference used that had no value.
    package let unresolvedVariables: [String]

    /// True for an image pinned to a digest.
    package var isDigestPinned: Bool { kind == .image && digest != nil }
    /// True for an image that floats on `latest`: no digest, and no tag or the tag `latest`.
    package var floatsOnLatest: Bool { kind == .image && digest == nil && (tag == nil || tag == "latest") }

    init(reference: String, stage: Int?, unresolvedVariables: [String]) {
        self.reference = reference
        self.unresolvedVariables = unresolvedVariables
        if let stage {
            (kind, repository, tag, digest) = (.stage(stage), nil, nil, nil)
            return
        }
        if reference.lowercased() == "scratch" {
            (kind, repository, tag, digest) = (.scratch, nil, nil, nil)
            return
        }
        kind = .image
        let atDigest = reference.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        digest = atDigest.count == 2 ? String(atDigest[1]) : nil
        let name = atDigest[0]
        let lastSlash = name.lastIndex(of: "/") ?? name.startIndex
        if let colon = name[lastSlash...].lastIndex(of: ":") {
            repository = String(name[..<colon])
            tag = String(name[name.index(after: colon)...])
        } else {
            repository = String(name)
            tag = nil
        }
    }
}
