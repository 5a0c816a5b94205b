/// One named context of a build, read before the walk.
package struct NamedContextInputs: Sendable {
    package var context: NamedBuildContext
    /// The inputs of a local context the target reads: walked and judged as its own context. Nil for a remote
    /// context, or a local one the Dockerfile never reads (BuildKit then transfers nothing of it).
    package var inputs: BuildInputs?

    package init(context: NamedBuildContext, inputs: BuildInputs? = nil) {
        self.context = context
        self.inputs = inputs
    }
}
