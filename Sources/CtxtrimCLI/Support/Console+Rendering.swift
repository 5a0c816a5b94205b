import CtxtrimCore

extension Console {
    /// Writes a rendering: its output on standard output and its messages on standard error, after the output or,
    /// for warnings about the data that follows (a scan without git classes), before it.
    static func show(_ rendering: Rendering, messagesFirst: Bool = false) {
        if messagesFirst { showMessages(of: rendering) }
        standardOutput.write(bytes: rendering.output)
        standardOutput.flush()
        if !messagesFirst { showMessages(of: rendering) }
    }

    /// Writes the rendering's messages (warnings, per-item errors) on standard error.
    static func showMessages(of rendering: Rendering) {
        for message in rendering.messages { standardError.line(message) }
        standardError.flush()
    }
}
