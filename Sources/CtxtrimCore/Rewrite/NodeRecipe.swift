/// Node.js with npm: `package.json` and `package-lock.json` copied and `npm ci` run before the sources with the npm
/// cache mounted; the runtime is the same Node version on a `-slim` image with production dependencies only.
/// With a build script, the build stage builds and prunes dev dependencies and the runtime takes the app
/// directory from it; without one, the runtime takes the sources from the context and `node_modules` from the build.
enum NodeRecipe {
    static func plan(_ stage: SingleStage, _ project: RewriteProject) throws(RewriteStop) -> RecipePlan? {
        let npm = stage.allCommands.filter { ["npm", "yarn", "pnpm", "npx"].contains($0.program) }
        guard stage.repository == "node" || (!npm.isEmpty && project.has("package.json")) else { return nil }
        guard project.has("package.json") else {
            throw RewriteStop(.unrecognised, "the context sends no `package.json` at its root")
        }
        if let other = project.first(of: ["yarn.lock", "pnpm-lock.yaml", "bun.lockb", "bun.lock"]) {
            throw RewriteStop(
                .unrecognised, "the project locks its dependencies with `\(other)`: ctxtrim rewrites npm projects only")
        }
        guard let lock = project.text("package-lock.json") else {
            throw RewriteStop(
                .unrecognised, "no `package-lock.json` is sent: `npm ci` needs it, and ctxtrim will not guess versions")
        }
        if lock.contains("\"hasInstallScript\": true") || lock.contains("\"node-gyp\"") {
            throw RewriteStop(
                .nativeDependencies,
                "`package-lock.json` has packages with install scripts (native addons built with node-gyp), which may need libraries the slim image lacks"
            )
        }
        guard let slim = RuntimeImage.slimTag(stage.tag, releaseFirst: true), let repository = stage.base.repository
        else {
            throw RewriteStop(.runtimeImage, "no slim variant ctxtrim knows for `\(stage.base.reference)`")
        }
        let builds = npm.filter(CompilerImage.isBuildScript)
        guard builds.allSatisfy({ $0.program == "npm" }) else {
            throw RewriteStop(.unplaceable, "the build runs `\(builds.first?.program ?? "")` directly, not through npm")
        }
        guard let workdir = stage.workdir(), workdir != "/" else {
            throw RewriteStop(
                .unplaceable, "the app has no WORKDIR of its own: ctxtrim will not copy `/` between stages")
        }
        let entry = try stage.entrypoint()
        let hasBuild = !builds.isEmpty
        // npm 6 (Node.js 14 and older) knows `--production`, not `--omit=dev`.
        let major = Int(stage.tag.prefix { $0.isNumber })
        let omitDev = (major ?? 99) < 16 ? "--production" : "--omit=dev"
        guard let manifest = project.text("package.json").flatMap(PackageManifest.read) else {
            throw RewriteStop(.unrecognised, "`package.json` is not a JSON object ctxtrim can read")
        }
        // `npm start` or `npm run NAME` with a dev dependency would not find it after `--omit=dev`.
        let words = entry.commandLine
        if words.first == "npm", let script = words.dropFirst().first(where: { !$0.hasPrefix("-") && $0 != "run" }),
            let body = manifest.scripts?[script], let tool = manifest.devTool(in: body)
        {
            throw RewriteStop(
                .entrypoint,
                "the image runs `npm \(script)`, which starts `\(tool)`, a dev dependency the runtime would not install"
            )
        }
        let runtime = slim == stage.tag ? stage.base.reference : "\(repository):\(slim)"
        let cache = ["/root/.npm"]
        var decisions = [
            "a `build` stage on `\(stage.base.reference)`, the same image as before",
            "`package.json` and `package-lock.json` copied and `npm ci` run before the sources, with a cache mount for npm's cache (`/root/.npm`)",
            "runtime `\(runtime)`: the same Node.js version\(slim == stage.tag ? " and image" : ", without compilers and build tools")",
        ]
        if hasBuild {
            decisions.append(
                "`npm run build` in the build stage, then `npm prune \(omitDev)`: the runtime gets `\(workdir)` with production dependencies only (sources included, since ctxtrim cannot tell which files the app reads)"
            )
        } else {
            decisions.append(
                "no build script: the build stage installs production dependencies only (`npm ci \(omitDev)`); the runtime copies the sources from the context as before and `node_modules` from the build stage"
            )
        }
        decisions.append("ENTRYPOINT/CMD stay as written (the slim image has a shell and npm)")
        return RecipePlan(
            ecosystem: .node, manifests: ["package.json", "package-lock.json"],
            manifestCopies: ["COPY package.json package-lock.json ./"],
            fetch: [RunLine.make(mounts: cache, hasBuild ? "npm ci" : "npm ci \(omitDev)")],
            build: hasBuild ? ["RUN npm run build && npm prune \(omitDev)"] : [],
            buildCopiesSources: hasBuild,
            replaces: { command in
                command.program == "npm"
                    && (["ci", "install", "i", "prune"].contains(command.operands.first ?? "")
                        && command.operands.count == 1 || CompilerImage.isBuildScript(command))
            },
            runtimeImage: runtime, runtimeCopiesSources: !hasBuild,
            artifacts: hasBuild
                ? ["COPY --from=build \(workdir) \(workdir)"]
                : ["COPY --from=build \(workdir)/node_modules \(workdir)/node_modules"],
            program: nil, runtimeHasShell: true, decisions: decisions)
    }
}
