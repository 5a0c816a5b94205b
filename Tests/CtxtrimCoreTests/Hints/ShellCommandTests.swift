import Testing

@testable import CtxtrimCore

/// Splitting `RUN` scripts into simple commands.
@Suite struct ShellCommandTests {
    static let cases: [(script: String, programs: [String])] = [
        ("npm ci && npm run build", ["npm", "npm"]),
        ("cd /app; NODE_ENV=production npm ci || exit 1", ["cd", "npm", "exit"]),
        ("sudo -E /usr/local/bin/pip install -r req.txt", ["pip"]),
        ("echo 'a && b' | tee out", ["echo", "tee"]),
        ("set -e\n./gradlew build\n", ["set", "gradlew"]),
        ("apt-get update \\\n && go mod download", ["apt-get", "go"]),
        ("(cd web && yarn)", ["cd", "yarn"]),
        ("", []),
    ]

    @Test(arguments: cases)
    func programs(_ testCase: (script: String, programs: [String])) {
        #expect(ShellCommand.split(testCase.script).map(\.program) == testCase.programs)
    }

    @Test func quotesAreRemovedAndOperandsSkipOptions() {
        let command = ShellCommand.split("pip install --no-cache-dir -r \"requirements dev.txt\"")[0]
        #expect(command.arguments == ["install", "--no-cache-dir", "-r", "requirements dev.txt"])
        #expect(command.operands == ["install", "requirements dev.txt"])
    }

    @Test func pipRequirementSpellings() {
        for script in [
            "pip install -r r.txt", "pip install -rr.txt", "pip install --requirement r.txt",
            "pip install --requirement=r.txt", "pip3 install -U -r r.txt",
        ] {
            let install = ShellCommand.split(script).first.flatMap(DependencyInstall.recognise)
            #expect(install?.manifestCopy == "COPY r.txt ./", "\(script)")
        }
        #expect(ShellCommand.split("pip install flask").first.flatMap(DependencyInstall.recognise) == nil)
        #expect(ShellCommand.split("pip download -r r.txt").first.flatMap(DependencyInstall.recognise) == nil)
    }
}
