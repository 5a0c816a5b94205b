/// Gradle: the build scripts (and the wrapper) copied and `dependencies` run before the sources, `bootJar` with the
/// Gradle user home cached, and the Spring Boot jar alone on the JRE of the same Java.
enum GradleRecipe {
    private static let tasks: Set<String> = ["build", "bootJar", "assemble", "clean", "dependencies", "jar"]

    /// The tasks a `gradle` command runs: its operands, without the values of `-x`, `-g`, `-p` and their long forms.
    static func tasks(of command: ShellCommand) -> [String] {
        let valued: Set<String> = ["-x", "--exclude-task", "-g", "--gradle-user-home", "-p", "--project-dir"]
        var tasks: [String] = []
        var skipNext = false
        for argument in command.arguments {
            if skipNext {
                skipNext = false
            } else if valued.contains(argument) {
                skipNext = true
            } else if !argument.hasPrefix("-") {
                tasks.append(argument)
            }
        }
        return tasks
    }

    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        let gradle = stage.allCommands.filter { $0.program == "gradle" || $0.program == "gradlew" }
        guard let script = project.first(of: ["build.gradle.kts", "build.gradle"]) else {
            if stage.repository == "gradle" {
                throw RewriteStop(
                    .unrecognised, "the context sends no `build.gradle` or `build.gradle.kts` at its root")
            }
            return nil
        }
        guard stage.repository == "gradle" || !gradle.isEmpty, let text = project.text(script) else { return nil }
        guard
            let build = gradle.last(where: { $0.operands.contains { ["build", "bootJar", "assemble"].contains($0) } })
        else {
            throw RewriteStop(.artifact, "no RUN runs `gradle build` or `bootJar`: ctxtrim cannot tell the artifact")
        }
        let settings = project.first(of: ["settings.gradle.kts", "settings.gradle"])
        let settingsText = settings.flatMap(project.text) ?? ""
        if settingsText.contains("include") {
            throw RewriteStop(.artifact, "`\(settings ?? "settings.gradle")` includes subprojects: several artifacts")
        }
        guard text.contains("org.springframework.boot") else {
            throw RewriteStop(
                .artifact, "`\(script)` does not apply the Spring Boot plugin: a plain jar needs its class path")
        }
        guard let workdir = stage.workdir() else { throw RewriteStop(.unplaceable, "a WORKDIR uses a variable") }
        let projectName =
            ManifestText.gradleAssignment("rootProject.name", in: settingsText) ?? ContextPathName.last(workdir)
        guard let version = ManifestText.gradleAssignment("version", in: text), !version.contains("$"),
            !projectName.contains("$")
        else {
            throw RewriteStop(.artifact, "`\(script)` sets no literal `version`: ctxtrim will not guess the jar's name")
        }
        let jar = SingleStage.resolve("build/libs/\(projectName)-\(version).jar", from: workdir)
        try JavaArtifact.checkEntrypoint(stage, jar: jar)
        let runtime = try JavaArtifact.runtime(stage)
        let wrapper = build.program == "gradlew"
        let invocation = wrapper ? "./gradlew" : "gradle"
        if wrapper, !project.has("gradlew") {
            throw RewriteStop(.unrecognised, "the build runs `gradlew`, which is not sent")
        }
        var manifests: Set<String> = [script]
        var copyNames = [script]
        if let settings { copyNames.append(settings) }
        if project.has("gradle.properties") { copyNames.append("gradle.properties") }
        let wrapperFiles = project.files.filter { $0.hasPrefix("gradle/") }
        if wrapper { copyNames.insert("gradlew", at: 0) }
        manifests.formUnion(copyNames)
        var copies = ["COPY \(copyNames.joined(separator: " ")) ./"]
        if wrapper, !wrapperFiles.isEmpty {
            copies.append("COPY gradle gradle")
            manifests.formUnion(wrapperFiles)
        }
        let home = "--no-daemon --gradle-user-home /root/.gradle"
        return RecipePlan(
            ecosystem: .gradle, manifests: manifests, manifestCopies: copies,
            fetch: [RunLine.make(mounts: ["/root/.gradle"], "\(invocation) dependencies \(home)")],
            build: [RunLine.make(mounts: ["/root/.gradle"], "\(invocation) bootJar \(home) -x test")],
            replaces: { command in
                (command.program == "gradle" || command.program == "gradlew")
                    && tasks(of: command).allSatisfy { Self.tasks.contains($0) }
                    || (command.program == "chmod" && command.operands.last == "gradlew")
            },
            runtimeImage: runtime.image, artifacts: ["COPY --from=build \(jar) \(jar)"], program: nil,
            runtimeHasShell: true,
            decisions: [
                "a `build` stage on `\(stage.base.reference)`, the same image as before",
                "`\(copyNames.joined(separator: "`, `"))`\(wrapper && !wrapperFiles.isEmpty ? " and `gradle/`" : "") copied and `\(invocation) dependencies` run before the sources",
                "a cache mount for the Gradle user home, named explicitly (`--gradle-user-home /root/.gradle`) since images set it differently",
                "`bootJar -x test`: the Spring Boot jar, tests left to CI",
                "the artifact is `build/libs/\(projectName)-\(version).jar` (`rootProject.name`\(settings == nil ? ", from the WORKDIR's name," : "") and `version`)",
                "runtime \(runtime.note)",
                "the jar keeps its path (`\(jar)`), so ENTRYPOINT/CMD stay as written",
            ])
    }
}
