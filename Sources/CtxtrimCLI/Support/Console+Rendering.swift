import CtxtrimCore

extension Console {
    /// Writes a rendering: its output on standard output, then its messages on standard error.
    static func show(_ rendering: Rendering) {
        standardOutput.write(bytes: rendering.output)
        standardOutput.flush()
        showMessages(of: rendering)
    }

    /// Writes the rendering's messages (warnings, per-item errors) on standard error.
    static func showMessages(of rendering: Rendering) {
        for message in rendering.messages { standardError.line(message) }
        standardError.flush()
    }
}
