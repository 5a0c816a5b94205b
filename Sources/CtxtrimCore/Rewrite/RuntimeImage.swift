/// Runtime images derived from a build image's tag: the `-slim` variant of the same Node.js or Python version, the
/// JRE of the same Java vendor and version.
enum RuntimeImage {
    /// Debian release names that official images put in their tags.
    static let debianReleases: Set<String> = ["bookworm", "bullseye", "buster", "trixie"]

    /// The slim tag of an official `node` or `python` image tag: `22` → `22-slim`, `3.12-bookworm` →
    /// `3.12-slim-bookworm` (Python) or `22-bookworm-slim` (Node). A tag that is slim or Alpine already is kept.
    /// Nil for a variant ctxtrim does not know (Windows, ...).
    static func slimTag(_ tag: String, releaseFirst: Bool) -> String? {
        let lowered = tag.lowercased()
        if lowered.isEmpty || lowered == "latest" { return "slim" }
        let parts = lowered.split(separator: "-").map(String.init)
        if parts.contains("slim") || parts.contains(where: { $0.hasPrefix("alpine") }) { return tag }
        guard let version = parts.first, version.first?.isNumber == true || ["lts", "current"].contains(version)
        else { return nil }
        switch parts.count {
        case 1: return "\(version)-slim"
        case 2 where debianReleases.contains(parts[1]):
            return releaseFirst ? "\(version)-\(parts[1])-slim" : "\(version)-slim-\(parts[1])"
        default: return nil
        }
    }

    /// The Java major version and whether the image is Alpine, read from a JDK or build-tool image tag
    /// (`21-jdk-jammy`, `3.9-eclipse-temurin-21-alpine`, `8.10-jdk21`, `jdk17`).
    /// The operating system part (`jammy`, `alpine`, `ubi9-minimal`) is what follows the version in the tag.
    static func javaVersion(repository: String, tag: String) -> (major: Int, os: String, vendor: String)? {
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        func os(after index: Int) -> String {
            parts.dropFirst(index + 1).filter { $0 != "jdk" && $0 != "jre" }.joined(separator: "-")
        }
        switch repository {
        case "eclipse-temurin", "openjdk":
            guard let first = parts.first, let major = Int(first.split(separator: ".").first ?? "") else { return nil }
            // openjdk's `slim`/`buster` variants have no Temurin JRE counterpart: the plain JRE instead.
            return (major, repository == "openjdk" ? "" : os(after: 0), repository)
        case "maven":
            for vendor in ["eclipse-temurin", "openjdk", "amazoncorretto", "sapmachine", "ibm-semeru", "ibmjava"] {
                let words = vendor.split(separator: "-").map(String.init)
                guard
                    let start = (0..<parts.count).first(where: {
                        Array(parts.dropFirst($0).prefix(words.count)) == words
                    }),
                    start + words.count < parts.count, let major = Int(parts[start + words.count])
                else { continue }
                return (major, vendor == "openjdk" ? "" : os(after: start + words.count), vendor)
            }
            return nil
        case "gradle":
            // The gradle image's JDK is Eclipse Temurin unless the tag names another vendor.
            guard !parts.contains(where: { ["corretto", "graal", "ubi"].contains($0) }),
                let index = parts.firstIndex(where: { $0.hasPrefix("jdk") }), let major = Int(parts[index].dropFirst(3))
            else { return nil }
            return (major, os(after: index), "eclipse-temurin")
        default:
            return nil
        }
    }

    /// The JRE image for a Java version: Eclipse Temurin's `-jre` (OpenJDK images map to Temurin, the same
    /// OpenJDK build, since the `openjdk` images are deprecated). Nil with the reason for a vendor with no JRE image.
    static func jre(major: Int, os: String, vendor: String) -> Result<(image: String, note: String), RewriteStop> {
        switch vendor {
        case "eclipse-temurin", "openjdk":
            let image = "eclipse-temurin:\(major)-jre\(os.isEmpty ? "" : "-" + os)"
            let note =
                vendor == "openjdk"
                ? "`\(image)`: the JRE of the same Java \(major); the deprecated `openjdk` images publish no JRE, and Temurin is the same OpenJDK build"
                : "`\(image)`: the JRE of the same vendor and Java \(major), without the compiler and build tool"
            return .success((image, note))
        default:
            return .failure(
                RewriteStop(
                    .runtimeImage,
                    "the JDK is \(vendor) \(major), which publishes no JRE image ctxtrim can name: choose the runtime image yourself"
                ))
        }
    }
}
