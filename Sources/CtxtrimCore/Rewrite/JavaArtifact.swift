/// Shared by the Maven and Gradle recipes: the JRE runtime and the `java -jar` entrypoint check.
enum JavaArtifact {
    /// The JRE image for the build image, or a refusal.
    static func runtime(_ stage: SingleStage) throws(RewriteStop) -> (image: String, note: String) {
        guard let java = RuntimeImage.javaVersion(repository: stage.repository, tag: stage.tag) else {
            throw RewriteStop(
                .runtimeImage,
                "cannot tell the Java version of `\(stage.base.reference)` from its tag: choose the JRE image yourself")
        }
        return try RuntimeImage.jre(major: java.major, os: java.os, vendor: java.vendor).get()
    }

    /// Requires the image to run `java ... -jar <jar>` with `<jar>` the artifact (`jar`, absolute).
    static func checkEntrypoint(_ stage: SingleStage, jar: String) throws(RewriteStop) {
        let entry = try stage.entrypoint()
        let words = entry.commandLine
        guard let program = entry.program, ContextPathName.last(program) == "java",
            let flag = words.firstIndex(of: "-jar"), flag + 1 < words.count
        else {
            throw RewriteStop(
                .entrypoint,
                "the image runs `\(words.prefix(3).joined(separator: " "))`, not `java -jar`: an unusual entrypoint")
        }
        let named = SingleStage.resolve(words[flag + 1], from: stage.workdir() ?? "/")
        guard named == jar else {
            throw RewriteStop(
                .entrypoint, "the image runs `java -jar \(words[flag + 1])`, but the build writes `\(jar)`")
        }
    }
}
