import ContextWalker
import DockerfileReader
import UntrustedText

/// `fix --dockerfile`: reads a single-stage Dockerfile and the context it is built from, and proposes a verified
/// multi-stage version (``DockerfileRewrite``) or says why it leaves the Dockerfile alone (``RewriteRefusal``).
/// Reads only; ``DockerfileWriter`` writes.
package struct DockerfileRewriter {
    package enum Outcome: Sendable, Equatable {
        case proposed(DockerfileRewrite)
        case refused(RewriteRefusal)
    }

    package let context: BuildContext
    package var threads = 2

    package init(context: BuildContext) {
        self.context = context
    }

    /// The recipes, tried in order; the first that recognises the project plans it. (A switch, not an array of
    /// function references: Swift 6.3.1 crashes lowering typed-throws references stored in an array.)
    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        for ecosystem in RewriteEcosystem.allCases {
            let plan: RecipePlan?
            do throws(RewriteStop) {
                plan =
                    switch ecosystem {
                    case .go: try GoRecipe.plan(stage, project)
                    case .rust: try RustRecipe.plan(stage, project)
                    case .maven: try MavenRecipe.plan(stage, project)
                    case .gradle: try GradleRecipe.plan(stage, project)
                    case .node: try NodeRecipe.plan(stage, project)
                    case .python: try PythonRecipe.plan(stage, project)
                    }
            } catch {
                var stop = error
                stop.refusal.ecosystem = ecosystem
                throw stop
            }
            if let plan { return plan }
        }
        return nil
    }

    /// Throws `ContextError` when the Dockerfile does not exist, `InputError` when it cannot be read,
    /// `DockerfileError` when BuildKit would reject it, and the scan's errors (an invalid ignore file).
    package func run() throws -> Outcome {
        guard context.dockerfileExists,
            let bytes = try InputFile.read(context.dockerfile, kind: .dockerfile, origin: context.dockerfileOrigin)
        else {
            throw ContextError(
                code: .dockerfileNotFound, path: context.dockerfile,
                message: "the Dockerfile \(context.dockerfileDisplayPath) does not exist",
                fix: "pass the Dockerfile to rewrite with -f, or leave -f out for CONTEXT/Dockerfile")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let dockerfile = try Dockerfile.parse(text, path: context.dockerfileDisplayPath)
        let usage = try dockerfile.contextUsage()
        let project = try listProject()
        var ecosystem: RewriteEcosystem?
        do {
            let stage = try SingleStage(text: text, dockerfile: dockerfile, usage: usage)
            guard let plan = try Self.plan(stage, project) else {
                throw RewriteStop(
                    .unrecognised,
                    """
                    `\(stage.base.reference)` with this context is none of the builds ctxtrim rewrites (Go, Rust, \
                    Maven, Gradle, npm, pip)
                    """)
            }
            ecosystem = plan.ecosystem
            let proposed = try StagePlacement(stage: stage, plan: plan, project: project).render()
            let verified = try RewriteVerifier(context: context, threads: threads).verify(proposed)
            var caveats = plan.caveats
            if stage.base.isDigestPinned, plan.runtimeImage != stage.base.reference {
                caveats.append(
                    "the base image was pinned by digest; pin the runtime image (`\(plan.runtimeImage)`) by digest too")
            }
            return .proposed(
                DockerfileRewrite(
                    ecosystem: plan.ecosystem, original: text, text: proposed, decisions: plan.decisions,
                    caveats: caveats, verified: verified))
        } catch let stop as RewriteStop {
            var refusal = stop.refusal
            refusal.ecosystem = refusal.ecosystem ?? ecosystem
            return .refused(refusal)
        }
    }

    /// The regular files the context sends under its ignore file, from one walk of the scan pipeline.
    private func listProject() throws -> RewriteProject {
        let rules = try IgnoreRules.load(for: context)
        let listing = try ContextListing.list(root: context.root, rules: rules, excluded: false, threads: threads)
        let files = listing.entries.filter { $0.kind == .file }.map(\.pathText)
        return RewriteProject(root: context.root, files: Set(files))
    }
}
