/// A `RUN` command that installs dependencies from manifests, and the `COPY` of those manifests that should precede it.
struct DependencyInstall: Equatable, Sendable {
    /// The package ecosystem, named as its users know it (`npm`, `Go modules`, ...).
    let ecosystem: String
    /// The command as recognised, for the message (`npm ci`).
    let command: String
    /// The instruction that copies only the manifests, such as `COPY package.json package-lock.json ./`.
    let manifestCopy: String
    /// The install command to run after it, when it differs from the recognised one (`cargo fetch` for `cargo build`).
    let installAfterCopy: String?

    /// The dependency install `command` runs, or nil.
    static func recognise(_ command: ShellCommand) -> DependencyInstall? {
        let operands = command.operands
        let first = operands.first
        switch command.program {
        case "npm":
            if first == "ci" { return npm("npm ci") }
            let global = command.arguments.contains { $0 == "-g" || $0 == "--global" }
            if ["install", "i"].contains(first), operands.count == 1, !global { return npm("npm install") }
        case "yarn":
            if first == nil || (first == "install" && operands.count == 1) {
                return .init(
                    ecosystem: "Yarn", command: "yarn install", manifestCopy: "COPY package.json yarn.lock ./",
                    installAfterCopy: nil)
            }
        case "pnpm":
            if let first, ["install", "i", "fetch"].contains(first), operands.count == 1 {
                return .init(
                    ecosystem: "pnpm", command: "pnpm \(first)", manifestCopy: "COPY package.json pnpm-lock.yaml ./",
                    installAfterCopy: nil)
            }
        case "go":
            if operands.starts(with: ["mod", "download"]) {
                return .init(
                    ecosystem: "Go modules", command: "go mod download", manifestCopy: "COPY go.mod go.sum ./",
                    installAfterCopy: nil)
            }
        case "pip", "pip3":
            return pip(command.arguments)
        case "python", "python3":
            if command.arguments.starts(with: ["-m", "pip"]) { return pip(Array(command.arguments.dropFirst(2))) }
        case "poetry":
            if first == "install" {
                return .init(
                    ecosystem: "Poetry", command: "poetry install", manifestCopy: "COPY pyproject.toml poetry.lock ./",
                    installAfterCopy: "poetry install --no-root")
            }
        case "bundle":
            if first == "install" {
                return .init(
                    ecosystem: "Bundler", command: "bundle install", manifestCopy: "COPY Gemfile Gemfile.lock ./",
                    installAfterCopy: nil)
            }
        case "cargo":
            if let first, ["build", "fetch"].contains(first) {
                return .init(
                    ecosystem: "Cargo", command: "cargo \(first)", manifestCopy: "COPY Cargo.toml Cargo.lock ./",
                    installAfterCopy: first == "fetch" ? nil : "cargo fetch")
            }
        case "mvn", "mvnw":
            if let goal = operands.first(where: {
                ["dependency:go-offline", "package", "install", "verify"].contains($0)
            }) {
                return .init(
                    ecosystem: "Maven", command: "mvn \(goal)", manifestCopy: "COPY pom.xml ./",
                    installAfterCopy: goal == "dependency:go-offline" ? nil : "mvn dependency:go-offline")
            }
        case "gradle", "gradlew":
            if let task = operands.first(where: { ["dependencies", "build"].contains($0) }) {
                return .init(
                    ecosystem: "Gradle", command: "\(command.program) \(task)",
                    manifestCopy: "COPY build.gradle* settings.gradle* ./",
                    installAfterCopy: task == "dependencies" ? nil : "\(command.program) dependencies")
            }
        case "composer":
            if first == "install" {
                return .init(
                    ecosystem: "Composer", command: "composer install",
                    manifestCopy: "COPY composer.json composer.lock ./", installAfterCopy: nil)
            }
        case "dotnet":
            if first == "restore" {
                return .init(
                    ecosystem: ".NET", command: "dotnet restore", manifestCopy: "COPY *.csproj ./",
                    installAfterCopy: nil)
            }
        default:
            break
        }
        return nil
    }

    private static func npm(_ command: String) -> DependencyInstall {
        .init(
            ecosystem: "npm", command: command, manifestCopy: "COPY package.json package-lock.json ./",
            installAfterCopy: nil)
    }

    /// `pip install -r FILE` (also `-rFILE`, `--requirement FILE`, `--requirement=FILE`).
    private static func pip(_ arguments: [String]) -> DependencyInstall? {
        guard arguments.first(where: { !$0.hasPrefix("-") }) == "install" else { return nil }
        var file: String? = nil
        for (index, argument) in arguments.enumerated() {
            if argument == "-r" || argument == "--requirement", index + 1 < arguments.count {
                file = arguments[index + 1]
            } else if argument.hasPrefix("--requirement=") {
                file = String(argument.dropFirst("--requirement=".count))
            } else if argument.hasPrefix("-r"), argument.count > 2, !argument.hasPrefix("--") {
                file = String(argument.dropFirst(2))
            }
            if file != nil { break }
        }
        guard let file, !file.isEmpty else { return nil }
        let name = file.hasPrefix("/") ? String(ContextPath.name(of: file)) : file
        let parent = ContextPath.parent(of: name)
        return .init(
            ecosystem: "pip", command: "pip install -r \(file)",
            manifestCopy: "COPY \(name) \(parent.isEmpty ? "./" : parent + "/")", installAfterCopy: nil)
    }
}
