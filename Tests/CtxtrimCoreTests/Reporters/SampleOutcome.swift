@testable import CtxtrimCore

/// The gate outcomes the reporter tests render: built in code, so every field is chosen and visible.
enum SampleOutcome {
    static let mebibyte: Int64 = 1_048_576

    /// A failing check: findings of every severity (file, line, directory, anchored, odd characters), one budget over
    /// and one within, growth over a 10% limit, a walk diagnostic.
    static func failing() -> GateOutcome {
        var report = ScanReport(
            context: .init(
                root: "services/api", dockerfile: "Dockerfile", dockerfileExists: true, ignoreFile: ".dockerignore",
                ignoreFileOrigin: "context", patterns: 12, shadowedIgnoreFile: nil))
        report.sent = .init(files: 51_234, directories: 4_120, symlinks: 2, others: 0, bytes: 1_650 * mebibyte)
        report.excluded = .init(files: 5_000, directories: 300, symlinks: 0, others: 0, bytes: 800 * mebibyte)
        report.excludedMeasured = false
        report.skippedDirectories = 3
        report.largestDirectories = [
            .init(path: "node_modules", bytes: 1_200 * mebibyte, files: 48_000),
            .init(path: "dist", bytes: 300 * mebibyte, files: 1),
        ]
        report.largestFiles = [.init(path: "dist/bundle.js", bytes: 300 * mebibyte)]
        report.extensions = [
            .init(name: ".js", files: 40_000, bytes: 1_400 * mebibyte),
            .init(name: "(none)", files: 11_234, bytes: 250 * mebibyte),
        ]
        report.diagnostics = [
            .init(kind: "unreadable-directory", path: "data/private", message: "opendir: Permission denied (EACCES)")
        ]
        report.walkSeconds = 1.25
        report.threads = 2
        report.git = .init(
            repository: ".",
            classes: [
                .tracked: .init(files: 3_000, bytes: 40 * mebibyte), .untracked: .init(files: 10, bytes: 1_000),
                .ignored: .init(files: 48_224, bytes: 1_610 * mebibyte - 1_000), .vcs: .init(files: 0, bytes: 0),
            ],
            largestIgnored: [.init(path: "node_modules", bytes: 1_200 * mebibyte, files: 48_000)])
        var dependencies = Finding(
            check: .dependencyDir, severity: .warning, subject: .directory("node_modules"),
            message: "`node_modules/` (1.2 GiB, 48,000 files) is installed dependencies: add `node_modules` to "
                + ".dockerignore and install them in the image.",
            bytes: 1_200 * mebibyte, files: 48_000)
        dependencies.anchor = .init(file: "Dockerfile", line: 5)
        report.findings = [
            Finding(
                check: .secretFile, severity: .error, subject: .file(".env"),
                message: "`.env` holds secrets: add `.env` to .dockerignore; pass secrets with `--secret`.", bytes: 120),
            Finding(
                check: .secretContent, severity: .error, subject: .file("config/settings.py", line: 14),
                message: "`config/settings.py` line 14 holds an AWS secret access key: move it to a build secret.",
                bytes: 2_048),
            dependencies,
            Finding(
                check: .vcsDir, severity: .warning, subject: .directory(".git"),
                message: "`.git/` (12.0 MiB, 400 files) is version-control data: add `.git` to .dockerignore.",
                bytes: 12 * mebibyte, files: 400),
            Finding(
                check: .buildOutput, severity: .warning, subject: .directory("dist"),
                message: "`dist/` (300 MiB, 1 file) is build output: add `dist` to .dockerignore.",
                bytes: 300 * mebibyte, files: 1),
            Finding(
                check: .gitIgnoredSent, severity: .warning, subject: .directory("tmp%dir"),
                message: "`tmp%dir/` holds 3 git-ignored files (100% of it) that would be sent.",
                bytes: 3_000, files: 3),
            Finding(
                check: .editorJunk, severity: .info, subject: .file(".DS_Store"),
                message: "`.DS_Store` is editor or OS clutter: add `**/.DS_Store` to .dockerignore.", bytes: 6_148),
            Finding(
                check: .logFile, severity: .info, subject: .file("logs/app: 1,2.log"),
                message: "`logs/app: 1,2.log` is a log file: add `**/*.log` to .dockerignore.", bytes: 4_096),
        ]
        return GateOutcome(
            report: report,
            budgets: [
                BudgetResult(
                    name: "max-size", scope: .eligible, unit: .bytes, limit: 1_024 * mebibyte, actual: report.sent.bytes
                ),
                BudgetResult(name: "max-files", scope: .eligible, unit: .files, limit: 100_000, actual: 51_234),
            ],
            growth: GrowthResult(
                baselineBytes: 1_250 * mebibyte, currentBytes: 1_650 * mebibyte, baselineFiles: 50_000,
                currentFiles: 51_234, limit: .percent(10),
                directories: [
                    .init(path: "node_modules", before: 900 * mebibyte, after: 1_200 * mebibyte),
                    .init(path: "dist", before: 200 * mebibyte, after: 300 * mebibyte),
                    .init(path: "docs", before: 4 * mebibyte, after: 2 * mebibyte),
                ]),
            failOn: .error)
    }

    /// A passing check with two findings below the threshold and budgets respected.
    static func passing() -> GateOutcome {
        var outcome = failing()
        let findings = outcome.report.findings
        outcome.report.findings = [
            findings.first { $0.severity == .warning }!, findings.first { $0.severity == .info }!,
        ]
        outcome.budgets = [outcome.budgets[1]]
        outcome.growth?.limit = .percent(50)
        return outcome
    }
}
