import Testing

@testable import CtxtrimCore

@Suite struct LargestDirectoriesTests {
    typealias Usage = ScanReport.DirectoryUsage

    @Test func deeperDirectoryHoldingNearlyEverythingReplacesItsAncestor() {
        let chosen = ReportAssembly.responsibleDirectories(
            [
                Usage(path: "web", bytes: 1000, files: 10), Usage(path: "web/node_modules", bytes: 950, files: 9),
                Usage(path: "api", bytes: 300, files: 3),
            ], limit: 10)
        #expect(chosen.map(\.path) == ["web/node_modules", "api"])
    }

    @Test func smallSubdirectoriesOfAListedDirectoryAreLeftOut() {
        let chosen = ReportAssembly.responsibleDirectories(
            [
                Usage(path: ".git", bytes: 1000, files: 40), Usage(path: ".git/hooks", bytes: 600, files: 13),
                Usage(path: ".git/objects", bytes: 100, files: 20), Usage(path: "src", bytes: 50, files: 2),
            ], limit: 10)
        #expect(chosen.map(\.path) == [".git", ".git/hooks", "src"])
    }

    @Test func limitApplies() {
        let many = (0..<30).map { Usage(path: "d\($0)", bytes: Int64(100 - $0), files: 1) }
        #expect(ReportAssembly.responsibleDirectories(many, limit: 5).map(\.path) == ["d0", "d1", "d2", "d3", "d4"])
    }
}
