import Foundation
import TestSupport
import Testing

/// `Package.swift` declares every module the CLI imports, so the build does not depend on what happens to be
/// linked through another target.
@Suite struct PackageManifestTests {
    static let root = PackageRoot.url
    /// Modules of the platform, which a target never declares.
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Darwin", "Musl"]

    @Test func theCLIDeclaresEveryModuleItImports() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let target = try #require(manifest.range(of: #"name: "CtxtrimCLI","#))
        let dependencies = manifest[target.upperBound...].prefix { $0 != "]" }
        let sources = Self.root.appendingPathComponent("Sources/CtxtrimCLI")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
        var imported: Set<String> = []
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                if words.first == "import", words.count == 2 { imported.insert(String(words[1])) }
            }
        }
        #expect(imported.contains("CtxtrimCore"))
        for module in imported.subtracting(Self.system) {
            #expect(dependencies.contains("\"\(module)\""), "Package.swift: CtxtrimCLI imports \(module) undeclared")
        }
    }
}
