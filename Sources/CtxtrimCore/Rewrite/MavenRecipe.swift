/// Maven: `pom.xml` (and the wrapper) copied and `dependency:go-offline` run before the sources, `package
/// -DskipTests` with `~/.m2` cached, and the Spring Boot (or shaded) jar alone on the JRE of the same Java.
enum MavenRecipe {
    private static let goals: Set<String> = [
        "package", "install", "verify", "clean", "dependency:go-offline", "dependency:resolve",
        "dependency:resolve-plugins", "spring-boot:repackage",
    ]

    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        let maven = stage.allCommands.filter { $0.program == "mvn" || $0.program == "mvnw" }
        guard stage.repository == "maven" || (!maven.isEmpty && project.has("pom.xml")) else { return nil }
        guard let pom = project.text("pom.xml") else {
            throw RewriteStop(.unrecognised, "the context sends no `pom.xml` at its root")
        }
        guard let build = maven.last(where: { $0.operands.contains { ["package", "install", "verify"].contains($0) } })
        else { throw RewriteStop(.artifact, "no RUN runs `mvn package`: ctxtrim cannot tell what the image runs") }
        let own = ManifestText.pomProject(pom)
        if ManifestText.element("modules", in: own) != nil {
            throw RewriteStop(.artifact, "`pom.xml` has `<modules>`: a multi-module build, several artifacts")
        }
        let packaging = ManifestText.element("packaging", in: own) ?? "jar"
        guard packaging == "jar" else {
            throw RewriteStop(.artifact, "`pom.xml` packages a `\(packaging)`, not a jar that `java -jar` runs")
        }
        let parent = ManifestText.parent(in: pom)
        guard let artifactId = ManifestText.element("artifactId", in: own),
            let version = ManifestText.element("version", in: own)
                ?? parent.flatMap({ ManifestText.element("version", in: $0) })
        else { throw RewriteStop(.artifact, "`pom.xml` names no `artifactId` and `version`") }
        let finalName = ManifestText.element("finalName", in: pom)
        let name = finalName ?? "\(artifactId)-\(version)"
        guard !name.contains("$") else {
            throw RewriteStop(.artifact, "the jar's name `\(name)` uses a property ctxtrim does not expand")
        }
        let springBoot =
            parent.map { $0.contains("spring-boot-starter-parent") } == true
            || pom.contains("spring-boot-maven-plugin")
        guard springBoot || pom.contains("maven-shade-plugin") else {
            throw RewriteStop(
                .artifact,
                "`\(name).jar` is a plain jar: it needs its dependencies on the class path, which ctxtrim cannot name")
        }
        let wrapper = build.program == "mvnw"
        let invocation = wrapper ? "./mvnw" : "mvn"
        if wrapper, !project.has("mvnw") {
            throw RewriteStop(.unrecognised, "the build runs `mvnw`, which is not sent")
        }
        guard let workdir = stage.workdir() else { throw RewriteStop(.unplaceable, "a WORKDIR uses a variable") }
        let jar = SingleStage.resolve("target/\(name).jar", from: workdir)
        try JavaArtifact.checkEntrypoint(stage, jar: jar)
        let runtime = try JavaArtifact.runtime(stage)

        let wrapperFiles = project.files.filter { $0.hasPrefix(".mvn/") }
        var manifests: Set<String> = ["pom.xml"]
        var copies = [wrapper ? "COPY mvnw pom.xml ./" : "COPY pom.xml ./"]
        if wrapper {
            manifests.formUnion(["mvnw"] + wrapperFiles)
            if !wrapperFiles.isEmpty { copies.append("COPY .mvn .mvn") }
        }
        let copied = ((wrapper ? ["mvnw"] : []) + ["pom.xml"] + (wrapper && !wrapperFiles.isEmpty ? [".mvn/"] : []))
            .map { "`\($0)`" }.joined(separator: ", ")
        return RecipePlan(
            ecosystem: .maven, manifests: manifests, manifestCopies: copies,
            fetch: [RunLine.make(mounts: ["/root/.m2"], "\(invocation) -B dependency:go-offline")],
            build: [RunLine.make(mounts: ["/root/.m2"], "\(invocation) -B package -DskipTests")],
            replaces: { command in
                (command.program == "mvn" || command.program == "mvnw")
                    && command.operands.allSatisfy { goals.contains($0) }
                    || (command.program == "chmod" && command.operands.last == "mvnw")
            },
            runtimeImage: runtime.image, artifacts: ["COPY --from=build \(jar) \(jar)"], program: nil,
            runtimeHasShell: !runtime.image.contains("distroless"),
            decisions: [
                "a `build` stage on `\(stage.base.reference)`, the same image as before",
                "\(copied) copied and `\(invocation) dependency:go-offline` run before the sources",
                "a cache mount for the local repository (`/root/.m2`)",
                "`package -DskipTests`: tests belong to CI, not to the image build",
                "the artifact is `target/\(name).jar` (\(finalName != nil ? "`<finalName>`" : "`artifactId`-`version` of `pom.xml`")); \(springBoot ? "a Spring Boot fat jar" : "a shaded jar") with its dependencies inside",
                "runtime \(runtime.note)",
                "the jar keeps its path (`\(jar)`), so ENTRYPOINT/CMD stay as written",
            ])
    }
}
