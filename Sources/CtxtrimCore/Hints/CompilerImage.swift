import DockerfileReader

/// Base images that carry a compiler or SDK, and the runtime image that would ship the artifact instead.
enum CompilerImage {
    /// The toolchain an image carries and a runtime image suggestion, or nil for a runtime or unknown image.
    /// `node` counts only when `runsBuildScript` (the same image is the Node.js runtime).
    static func toolchain(of image: BaseImage, runsBuildScript: Bool) -> (toolchain: String, runtime: String)? {
        guard image.kind == .image, let repository = image.repository.map(officialName) else { return nil }
        let tag = (image.tag ?? "").lowercased()
        switch repository {
        case "golang": return ("the Go toolchain", "`gcr.io/distroless/static` or `alpine`")
        case "rust": return ("the Rust toolchain", "`gcr.io/distroless/cc` or `debian:bookworm-slim`")
        case "gcc": return ("GCC", "`debian:bookworm-slim`")
        case "maven", "gradle": return ("\(repository) and a JDK", "`eclipse-temurin:<version>-jre`")
        case "openjdk", "eclipse-temurin", "amazoncorretto", "sapmachine":
            return tag.contains("jre") ? nil : ("a JDK", "`eclipse-temurin:<version>-jre`")
        case "mcr.microsoft.com/dotnet/sdk": return ("the .NET SDK", "`mcr.microsoft.com/dotnet/aspnet` or `runtime`")
        case "swift": return tag.contains("slim") ? nil : ("the Swift toolchain", "`swift:<version>-slim`")
        case "node":
            return runsBuildScript ? ("the build tooling and dev dependencies", "`node:<version>-slim`") : nil
        default: return nil
        }
    }

    /// The repository without a Docker Hub registry or `library/` prefix, lowercased.
    static func officialName(_ repository: String) -> String {
        var name = repository.lowercased()
        for prefix in ["docker.io/", "index.docker.io/", "registry-1.docker.io/", "public.ecr.aws/docker/", "library/"]
        where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        return name
    }

    /// Whether `command` runs a JavaScript build (`npm run build`, `yarn build`, `pnpm build`, `tsc`, ...).
    static func isBuildScript(_ command: ShellCommand) -> Bool {
        let operands = command.operands
        switch command.program {
        case "npm": return operands.starts(with: ["run", "build"]) || operands.starts(with: ["run-script", "build"])
        case "yarn", "pnpm": return operands.first == "build" || operands.starts(with: ["run", "build"])
        case "npx": return operands.first == "tsc" || operands.first == "vite" || operands.first == "webpack"
        case "tsc", "vite", "webpack", "esbuild": return true
        default: return false
        }
    }
}
