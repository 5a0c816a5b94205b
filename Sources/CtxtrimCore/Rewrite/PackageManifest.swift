#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The parts of `package.json` the Node.js recipe needs: the scripts and the development dependencies.
struct PackageManifest: Decodable {
    var scripts: [String: String]?
    var devDependencies: [String: String]?

    static func read(_ text: String) -> PackageManifest? {
        try? JSONDecoder().decode(PackageManifest.self, from: Data(text.utf8))
    }

    /// The development dependency that `script` runs by name (`nodemon server.js`), if any: it is not installed
    /// with `--omit=dev`.
    func devTool(in script: String) -> String? {
        let words = ShellCommand.split(script).map(\.program)
        return words.first { devDependencies?[$0] != nil }
    }
}
