/// A `--platform` value read as containerd's `platforms.Parse` does: `os[/arch[/variant]]`, or a lone OS or
/// architecture, with the usual aliases normalised (`x86_64` is `amd64`, `aarch64` is `arm64`).
struct PlatformSpecifier: Equatable {
    let os: String
    let architecture: String

    private static let knownOS: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
        "netbsd", "openbsd", "plan9", "solaris", "windows", "zos",
    ]
    private static let knownArchitectures: Set<String> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "ppc64", "ppc64le", "loong64", "mips",
        "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "riscv", "riscv64", "s390", "s390x",
        "sparc", "sparc64", "wasm",
    ]

    /// Nil for a value `platforms.Parse` refuses.
    init?(_ text: String) {
        var specifier = Substring(text)
        // `windows(10.0.17763)/amd64`: the OS version is dropped.
        if let open = specifier.firstIndex(of: "("), let close = specifier.firstIndex(of: ")"), open < close {
            specifier = specifier[..<open] + specifier[specifier.index(after: close)...]
        }
        let parts = specifier.split(separator: "/", omittingEmptySubsequences: false)
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-".contains($0)) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }) else { return nil }
        switch parts.count {
        case 1:
            let os = Self.normalizedOS(parts[0])
            if Self.knownOS.contains(os) {
                (self.os, architecture) = (os, "amd64")
            } else {
                let architecture = Self.normalizedArchitecture(parts[0])
                guard Self.knownArchitectures.contains(architecture) else { return nil }
                (self.os, self.architecture) = ("linux", architecture)
            }
        case 2, 3:
            (os, architecture) = (Self.normalizedOS(parts[0]), Self.normalizedArchitecture(parts[1]))
        default:
            return nil
        }
    }

    private static func normalizedOS(_ text: Substring) -> String {
        let lowered = text.lowercased()
        return lowered == "macos" ? "darwin" : lowered
    }

    private static func normalizedArchitecture(_ text: Substring) -> String {
        switch text.lowercased() {
        case "i386": "386"
        case "x86_64", "x86-64", "amd64": "amd64"
        case "aarch64", "arm64": "arm64"
        case "armhf", "armel": "arm"
        case let other: other
        }
    }
}
