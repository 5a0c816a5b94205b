import Foundation
import TestSupport
import Testing

@testable import CtxtrimCore

/// Severity follows evidence: a credential in content is an error wherever it is; a file flagged by its name alone is
/// an error when it is local, a notice when git tracks it or the ignore file re-includes it, and a notice never says
/// to revoke anything.
@Suite struct SecretSeverityTests {
    /// A git repository at the root of a temporary build context; `tracked` files are committed, the rest are not.
    struct Repository {
        let tree: TemporaryTree
        let git: GitRepository

        init(tracked: [String: String], untracked: [String: String] = [:], gitignore: [String] = []) throws {
            tree = try TemporaryTree("secret-severity")
            git = try GitRepository.create(in: tree)
            for (path, text) in tracked { try tree.write(path, text) }
            try git.commitAll()
            if !gitignore.isEmpty { try git.ignore(gitignore) }
            for (path, text) in untracked { try tree.write(path, text) }
        }

        func findings() throws -> [Finding] {
            let context = try BuildContext.resolve(context: tree.url.path, dockerfile: nil, ignoreFileOverride: nil)
            var options = ContextScanner.Options()
            options.threads = 2
            options.git = true
            options.dockerfile = false
            options.suggestionRate = nil
            options.enabledChecks = Set(CheckRegistry.ids)
            let rules = try IgnoreRules.load(for: context)
            return try ContextScanner(context: context, rules: rules, options: options).scan().findings
                .filter { $0.check.rawValue.hasPrefix("secret-") }
        }
    }

    static let token = "gh" + "p_" + "FakeGitHubToken0123456789FakeGitHub1"

    @Test func aCommittedPlaceholderFileIsANoticeThatSaysWhyAndNeverRevoke() throws {
        let repository = try Repository(tracked: [
            ".env": "# Expo dev server\nRCT_METRO_PORT=8081\n",
            "infra/terraform.tfvars": "gcp_project_id = \"<project_id_here>\"\n",
        ])
        let findings = try repository.findings()
        #expect(findings.map(\.path).sorted() == [".env", "infra/terraform.tfvars"])
        for finding in findings {
            #expect(finding.check == .secretFile && finding.severity == .info)
            #expect(finding.message.contains("committed to git"), "\(finding.message)")
            #expect(finding.message.contains("no credential"), "\(finding.message)")
            #expect(!finding.message.lowercased().contains("revoke"), "\(finding.message)")
        }
    }

    @Test func aFileReIncludedWithABangLineIsANoticeNamingTheLine() throws {
        let repository = try Repository(
            tracked: [
                ".dockerignore": "# keep secrets out\n.env*\n!.env.production\n",
                ".env.production": "NEXT_PUBLIC_API_URL=https://api.fake-corp.net\n",
            ], untracked: [".env.local": "API_URL=http://localhost:3000\n"])
        let findings = try repository.findings()
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.path == ".env.production" && finding.severity == .info)
        #expect(finding.message.contains("re-included by `.dockerignore` line 3"), "\(finding.message)")
        #expect(finding.message.contains("committed to git"))
        #expect(finding.message.contains("no credential"))
    }

    /// Regression: `fix` called a committed `.env.production` of public URLs "holds credentials" when the Dockerfile
    /// copied it, and exited 1.
    @Test func fixDoesNotCallACommittedNoticeACopiedSecret() throws {
        let repository = try Repository(tracked: [
            "Dockerfile": "FROM node:22\nCOPY .env.production package.json ./\n",
            ".env.production": "NEXT_PUBLIC_API_URL=https://api.fake-corp.net\n", "package.json": "{}\n",
        ])
        let path = repository.tree.url.path
        let context = try BuildContext.resolve(context: path, dockerfile: nil, ignoreFileOverride: nil)
        var options = ContextScanner.Options()
        options.threads = 2
        options.suggestionRate = nil
        let report = try ContextScanner(context: context, rules: try IgnoreRules.load(for: context), options: options)
            .scan()
        #expect(report.findings.filter { $0.check == .secretFile }.map(\.severity) == [.info])
        let plan = try FixPlanner.plan(
            report: report, analysis: DockerfileAnalysis.load(context: context), strategy: .deny)
        #expect(plan.problems.isEmpty, "\(plan.problems.map(\.message))")
        #expect(!plan.groups.flatMap(\.patterns).contains { $0.contains(".env.production") })
    }

    @Test func aLocalFileFlaggedByNameIsAnError() throws {
        let repository = try Repository(
            tracked: ["README.md": "demo\n"], untracked: [".env": "PORT=1\n", "config/.env.staging": "PORT=2\n"],
            gitignore: [".env"])
        let findings = try repository.findings()
        #expect(findings.map(\.path).sorted() == [".env", "config/.env.staging"])
        #expect(findings.allSatisfy { $0.check == .secretFile && $0.severity == .error })
    }

    @Test func outsideAnyRepositoryAFileFlaggedByNameIsAnError() throws {
        let context = try TemporaryContext()
        try context.write(".env", "PORT=1\n")
        let findings = try context.runChecks().filter { $0.check == .secretFile }
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func aCredentialInContentIsAnErrorEvenWhenCommittedAndOutranksTheNotice() throws {
        let repository = try Repository(
            tracked: [".env": "GITHUB_TOKEN=\(Self.token)\n", "src/settings.py": "TOKEN = '\(Self.token)'\n"],
            untracked: [".env.local": "GITHUB_TOKEN=\(Self.token)\n"])
        let findings = try repository.findings()
        let byPath = Dictionary(grouping: findings, by: \.path)
        // Committed: the content error alone, no notice saying nothing was found.
        #expect(byPath[".env"]?.map(\.check) == [.secretContent])
        #expect(byPath[".env"]?.first?.severity == .error)
        #expect(byPath["src/settings.py"]?.map(\.severity) == [.error])
        // Local: the name error and the content error agree.
        #expect(Set(byPath[".env.local"]?.map(\.check) ?? []) == [.secretFile, .secretContent])
        #expect(byPath[".env.local"]?.allSatisfy { $0.severity == .error } == true)
    }

    @Test func registryConfigsAreSecretsOnlyWithCredentialKeys() throws {
        let repository = try Repository(
            tracked: [
                ".npmrc": "legacy-peer-deps=true\n",
                "web/.npmrc": "registry=https://npm.fake-corp.net/\n//npm.fake-corp.net/:_authToken=${NPM_TOKEN}\n",
                ".netrc": "machine github.com login me password $GITHUB_TOKEN\n",
            ],
            untracked: [
                "api/.npmrc": "//npm.fake-corp.net/:_authToken=FakeNpmToken-0123456789-abcdef\n",
                "api/.pypirc": "[pypi]\nusername = uploader\npassword = Fake-Upload-Pass-0123\n",
                "api/.netrc": "machine git.fake-corp.net login ci password Fake-Netrc-Pass-0123\n",
            ])
        let findings = try repository.findings()
        #expect(findings.map(\.path).sorted() == ["api/.netrc", "api/.npmrc", "api/.pypirc"])
        #expect(findings.allSatisfy { $0.check == .secretContent && $0.severity == .error })
    }

    @Test(arguments: [
        ("kubeconfig.yaml", true), ("deploy/kubeconfig-prod", true), ("prod.kubeconfig", true), ("kubeconfig", true),
        ("pkg/kubeconfig.go", false), ("kubeconfig_test.py", false), ("kubeconfig.example.yaml", false),
    ])
    func kubeconfigNames(path: String, flagged: Bool) {
        #expect((SecretFileCheck.credentialKind(ofPath: path) != nil) == flagged)
    }

    @Test(arguments: [
        ("ci/.docker/config.json", "**/.docker/config.json"), (".docker/config.json", "**/.docker/config.json"),
        ("home/.aws/credentials", "**/.aws/credentials"), (".kube/config", "**/.kube/config"),
        ("a/.env", "**/.env"), (".env", ".env"),
    ])
    func suggestedPatternsNameTheDirectoryToo(path: String, pattern: String) {
        #expect(SecretFileCheck.suggestedPattern(forPath: path) == pattern)
        let finding = SecretFileCheck().check(EntryFacts(path: path, kind: .file, size: 0, gitClass: .untracked))
        #expect(finding?.message.contains("`\(pattern)`") == true)
    }
}
