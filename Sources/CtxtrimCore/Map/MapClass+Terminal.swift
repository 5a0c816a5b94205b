extension TextStyle {
    /// A bar in its class's colour, followed by the class's legend word unless it is plainly `sent`: the word says
    /// what the colour says, for terminals without colour and readers who cannot tell the colours apart.
    func bar(_ bar: String, _ mapClass: MapClass) -> String {
        let word = mapClass == .sent ? "" : "  " + mapClass.label
        switch mapClass {
        case .sent: return cyan(bar)
        case .excluded: return dim(bar) + word
        case .fix: return yellow(bar) + word
        case .secret: return red(bar) + word
        case .dependency: return magenta(bar) + word
        case .buildOutput: return blue(bar) + word
        case .largeFile: return brightMagenta(bar) + word
        case .gitIgnored: return gray(bar) + word
        }
    }
}
