/// Why `fix --dockerfile` leaves a Dockerfile alone: not a case it can rewrite safely, or a proposal that failed
/// ctxtrim's own checks. A value, not an error: the Dockerfile is fine to build as it is.
package struct RewriteRefusal: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// The Dockerfile already has several stages.
        case alreadyMultiStage = "already-multi-stage"
        /// No supported ecosystem was recognised from the base image and the context.
        case unrecognised
        /// C code or native dependencies: the runtime image would need libraries ctxtrim cannot name.
        case nativeDependencies = "native-dependencies"
        /// More than one artifact, or none that ctxtrim can name from the project files.
        case artifact
        /// The entrypoint does not run the artifact in a way ctxtrim can carry over.
        case entrypoint
        /// An instruction or a `RUN` step that has no safe place in a build or runtime stage.
        case unplaceable
        /// The runtime image cannot be derived from the base image.
        case runtimeImage = "runtime-image"
        /// The proposal was made but failed ctxtrim's own checks; it is not shown.
        case verificationFailed = "verification-failed"
    }

    package let kind: Kind
    /// The reason, naming the line, file or word involved.
    package let reason: String
    /// The ecosystem recognised, when one was.
    package var ecosystem: RewriteEcosystem?

    package init(_ kind: Kind, _ reason: String, ecosystem: RewriteEcosystem? = nil) {
        self.kind = kind
        self.reason = reason
        self.ecosystem = ecosystem
    }
}

/// Thrown inside the rewriter to stop at the first refusal; never leaves it.
struct RewriteStop: Error {
    var refusal: RewriteRefusal

    init(_ kind: RewriteRefusal.Kind, _ reason: String) {
        refusal = RewriteRefusal(kind, reason)
    }
}
