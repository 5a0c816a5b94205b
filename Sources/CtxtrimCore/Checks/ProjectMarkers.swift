/// Project files whose presence beside a directory tells what a generic name like `target` or `bin` holds.
package struct ProjectMarkers: OptionSet, Sendable, Hashable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `Cargo.toml`: `target/` is Cargo's output.
    package static let cargo = ProjectMarkers(rawValue: 1 << 0)
    /// `pom.xml`: `target/` is Maven's output.
    package static let maven = ProjectMarkers(rawValue: 1 << 1)
    /// `build.sbt`: `target/` is sbt's output.
    package static let sbt = ProjectMarkers(rawValue: 1 << 2)
    /// A `*.csproj`, `*.fsproj` or `*.vbproj`: `bin/` and `obj/` are MSBuild's output.
    package static let dotnet = ProjectMarkers(rawValue: 1 << 3)

    /// The marker a file of this name stands for, or `[]`.
    package static func marker(forFileName name: some StringProtocol) -> ProjectMarkers {
        switch name {
        case "Cargo.toml": return .cargo
        case "pom.xml": return .maven
        case "build.sbt": return .sbt
        default:
            if name.hasSuffix(".csproj") || name.hasSuffix(".fsproj") || name.hasSuffix(".vbproj") { return .dotnet }
            return []
        }
    }
}
