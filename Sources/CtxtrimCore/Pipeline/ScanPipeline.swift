import ContextWalker
import Digest
import UntrustedText

/// The one pipeline of every command: a set of builds (one for `scan`, `check`, `fix`, `ls`; every build for `--all`)
/// read once, walked once with one filter and one visitor feeding a tally per build, then assembled into one report
/// per build.
package struct ScanPipeline {
    /// The directory walked, absolute with symlinks resolved: every build's context lies in it.
    package let walkRoot: String
    package let builds: [BuildInputs]
    package let options: ContextScanner.Options

    package init(walkRoot: String, builds: [BuildInputs], options: ContextScanner.Options) {
        self.walkRoot = walkRoot
        self.builds = builds
        self.options = options
    }

    /// The pipeline of one build, walking its own context.
    package init(build: BuildInputs, options: ContextScanner.Options) {
        self.init(walkRoot: build.context.root, builds: [build], options: options)
    }

    /// Walks once and returns one report per build, in order.
    ///
    /// - Throws: `IgnoreError` when a pattern fails at match time (BuildKit would fail the build), `WalkError` when
    ///   the root cannot be opened, `MonorepoError` when a context lies outside the walk root.
    package func run(progress: WalkProgress = WalkProgress()) throws -> [ScanReport] {
        let clock = ContinuousClock()
        let started = clock.now
        let top = min(max(0, options.top), ContextScanner.Options.maxTop)
        // Named contexts join the walk of a build set (`--all`, whose walk root holds them); a single build keeps
        // its walk its own (its directory totals, `ls`), so each of its named contexts is walked on its own.
        let shared = builds.count > 1 || builds.first.map { $0.context.root != walkRoot } ?? false
        var inWalk: [(build: Int, named: Int)] = []
        var walkedAlone: [(build: Int, named: Int)] = []
        for (buildIndex, build) in builds.enumerated() {
            for (namedIndex, named) in build.namedContexts.enumerated() {
                guard let inputs = named.inputs else { continue }
                if shared, BuildContext.relative(inputs.context.root, to: walkRoot) != nil {
                    inWalk.append((buildIndex, namedIndex))
                } else {
                    walkedAlone.append((buildIndex, namedIndex))
                }
            }
        }
        // Builds that read one named context alike (`COPY --from=shared` in thirty services) share one member: the
        // same verdicts, checks and findings, judged once.
        var namedInWalk: [BuildInputs] = []
        var memberOf: [Int] = []
        for key in inWalk {
            guard let inputs = builds[key.build].namedContexts[key.named].inputs else { continue }
            if let same = namedInWalk.firstIndex(where: { Self.judgedAlike($0, inputs) }) {
                memberOf.append(same)
            } else {
                memberOf.append(namedInWalk.count)
                namedInWalk.append(inputs)
            }
        }
        var members: [BuildSetMember] = []
        var setups: [BuildTally.Setup] = []
        for build in builds + namedInWalk {
            let (member, setup) = try prepare(build, top: top)
            members.append(member)
            setups.append(setup)
        }
        // Builds that send the same entries with the same checks (compose services of one context, root-built
        // Dockerfiles) count and check what does not depend on their Dockerfile once, in the first of them.
        if builds.count > 1 {
            var leaders: [Int] = []
            for index in builds.indices {
                if let leader = leaders.first(where: { Self.checkedAlike(builds[$0], builds[index]) }) {
                    setups[index].leader = leader
                } else {
                    leaders.append(index)
                }
            }
        }
        let filter = BuildSetFilter(members: members, measureExcluded: options.measureExcluded)
        if filter.walkerTotalsAreOwn {
            setups[0].ownsWalk = true
            setups[0].listing = options.listing
        } else if options.listing != nil {
            preconditionFailure("a listing is made for one build at the walk root")
        }
        var walkOptions = WalkOptions(threads: options.threads, measureExcluded: options.measureExcluded)
        // The profile reads what BuildKit walks from a measured walk of one build that owns it (`scan --profile`).
        let profile =
            options.profile && filter.walkerTotalsAreOwn && options.measureExcluded
            ? ProfileTally(matcher: builds[0].rules.matcher) : nil
        walkOptions.timesDirectories = profile != nil
        let walker = ContextWalker(root: walkRoot, options: walkOptions, progress: progress)
        let (fixedMembers, fixedSetups) = (members, setups)
        let digestCache = options.digest?.cache
        let digestStarted = DigestCache.now()
        let result = try Self.unwrapping {
            try walker.walk(
                filter: filter,
                makeVisitor: {
                    BuildSetVisitor(
                        members: fixedMembers, setups: fixedSetups, profile: profile, digestCache: digestCache)
                })
        }
        let seconds = Self.seconds(clock.now - started)
        var tallies = result.visitor.tallies
        // Each leader's directory checks run once, however many builds follow it.
        var finishedLeaders: [Int: BuildTally.Finished] = [:]
        for index in builds.indices {
            guard let leader = tallies[index].setup.leader else { continue }
            if finishedLeaders[leader] == nil { finishedLeaders[leader] = tallies[leader].finished() }
            tallies[index].adopt(from: tallies[leader], finished: finishedLeaders[leader]!)
        }
        var perBuild = options
        perBuild.mapNodeBudget = ContextMap.nodeBudget(forBuilds: builds.count)
        var reports = try zip(builds, tallies).map { build, tally in
            if tally.setup.ownsWalk { Self.assertSameTotals(tally, result.totals) }
            return try ReportAssembly.report(for: build, tally: tally, options: perBuild, walkSeconds: seconds)
        }
        reports[0].profile = result.visitor.profile?.finished(
            walkSeconds: seconds, threads: walkOptions.threads, top: top)
        var namedReports: [Int: [Int: ScanReport]] = [:]
        let namedOptions = Self.namedContextOptions(options)
        let namedTallies = Array(tallies.dropFirst(builds.count))
        var assembled: [Int: ScanReport] = [:]
        for (key, member) in zip(inWalk, memberOf) {
            if assembled[member] == nil {
                assembled[member] = try ReportAssembly.report(
                    for: namedInWalk[member], tally: namedTallies[member], options: namedOptions, walkSeconds: seconds)
            }
            namedReports[key.build, default: [:]][key.named] = assembled[member]
        }
        for key in walkedAlone {
            guard let inputs = builds[key.build].namedContexts[key.named].inputs else { continue }
            namedReports[key.build, default: [:]][key.named] = try ScanPipeline(build: inputs, options: namedOptions)
                .run()[0]
        }
        for index in reports.indices {
            reports[index] = try NamedContextReports.attach(
                namedReports[index] ?? [:], of: builds[index], to: reports[index])
        }
        if let settings = options.digest {
            for index in reports.indices {
                do {
                    reports[index].buildDigest = try Self.buildDigest(
                        builds[index], report: reports[index], named: namedReports[index] ?? [:])
                } catch  where settings.recordsFailures {
                    reports[index].digestFailure = "\(error)"
                }
            }
            if let hasher = result.visitor.hasher {
                reports[0].digestCacheHits = hasher.cacheHits
                reports[0].digestHashedBytes = hasher.hashedBytes
                if settings.savesCache {
                    reports[0].digestCacheProblem = Self.saving(hasher, in: settings.cache, startedAt: digestStarted)
                }
            }
        }
        return reports
    }

    /// Whether two named contexts' inputs give the same report: the same directory, ignore file, sources read,
    /// Dockerfile as findings name it, and config (git status is read once per directory).
    static func judgedAlike(_ first: BuildInputs, _ second: BuildInputs) -> Bool {
        let (a, b) = (first.context, second.context)
        return a.root == b.root && a.ignoreFile == b.ignoreFile && first.rules.bytes == second.rules.bytes
            && a.dockerfileDisplayPath == b.dockerfileDisplayPath
            && a.relativePath(of: a.dockerfile) == b.relativePath(of: b.dockerfile)
            && first.analysis?.usage.allSources == second.analysis?.usage.allSources
            && first.config == second.config
    }

    /// Whether two builds' walks feed the same checks the same entries: the same context, ignore file, git status,
    /// enabled checks and `large-file` threshold. Only what their Dockerfiles transfer may differ.
    static func checkedAlike(_ first: BuildInputs, _ second: BuildInputs) -> Bool {
        let (a, b) = (first.context, second.context)
        return a.root == b.root && a.ignoreFile == b.ignoreFile && first.rules.bytes == second.rules.bytes
            && first.config.disabledChecks == second.config.disabledChecks
            && first.config.largeFileThreshold == second.config.largeFileThreshold
            && (first.git == nil) == (second.git == nil)
    }

    /// What a named context's walk computes: no listing and no fix suggestion (`fix` writes the build's own ignore
    /// file only).
    static func namedContextOptions(_ options: ContextScanner.Options) -> ContextScanner.Options {
        var named = options
        named.listing = nil
        named.suggestionRate = nil
        named.digest?.savesCache = false
        return named
    }

    /// A build's member of the walk and the setup of its tally.
    private func prepare(_ build: BuildInputs, top: Int) throws -> (BuildSetMember, BuildTally.Setup) {
        guard let prefix = BuildContext.relative(build.context.root, to: walkRoot) else {
            throw MonorepoError(
                code: .contextOutsideRoot, file: build.context.dockerfileDisplayPath,
                message: "the build context '\(build.displayRoot)' lies outside '\(walkRoot)'",
                fix: "scan a directory that contains it")
        }
        let snapshot = build.snapshot
        let enabledChecks = build.enabledChecks(options)
        let filter = ContextFilter(
            matcher: build.rules.matcher, git: snapshot, transferMatcher: build.analysis?.transferMatcher,
            quietDirectories: options.findings && options.skipChecksInClaimedDirectories
                ? QuietDirectories(enabledIDs: enabledChecks, git: snapshot) : nil)
        let largeFileThreshold =
            build.config.largeFileThreshold ?? options.largeFileThreshold ?? LargeFileCheck.defaultThreshold
        let checks =
            options.findings ? CheckRun(enabledIDs: enabledChecks, largeFileThreshold: largeFileThreshold) : nil
        let member = BuildSetMember(
            prefix: prefix == "." ? [] : LosslessUTF8.encode(prefix), filter: filter, checks: checks)
        var setup = BuildTally.Setup(
            walkRootLength: walkRoot.utf8.count, top: top, runChecks: options.findings,
            enabledChecks: enabledChecks, largeFileThreshold: largeFileThreshold,
            ignoreFile: build.context.ignoreFile == nil ? nil : build.rules.file,
            git: snapshot, ownsWalk: false, mapsContext: options.mapsContext, digests: options.digest != nil)
        if options.findings, let analysis = build.analysis {
            setup.sourceSightings = SourceSightings(analysis.usage.sources)
        }
        if let analysis = build.analysis, analysis.referencesEverything {
            setup.explicitSourceMatcher = try DockerfileAnalysis.matcher(
                for: analysis.explicitSources.map(\.pattern))
        }
        return (member, setup)
    }

    /// The build's digest from its report's context digest and those of its named contexts.
    private static func buildDigest(_ build: BuildInputs, report: ScanReport, named: [Int: ScanReport]) throws
        -> BuildDigest
    {
        if let failure = build.dockerfileFailure { throw failure }
        guard let analysis = build.analysis else {
            throw DigestProblem(code: .noDockerfile, path: build.context.dockerfileDisplayPath)
        }
        if let problem = report.contextDigestProblem { throw problem }
        guard let main = report.contextDigest else { preconditionFailure("a digest walk digests every build") }
        var contexts = [BuildDigest.Context(name: ".", digest: main)]
        for (index, context) in build.namedContexts.enumerated()
        where analysis.usage.namedContextsRead.contains(context.context.name) {
            switch context.context.value {
            case .remote(let value):
                contexts.append(.init(name: context.context.name, reference: value))
            case .local:
                if let problem = named[index]?.contextDigestProblem { throw problem }
                guard let digest = named[index]?.contextDigest else { continue }
                contexts.append(.init(name: context.context.name, digest: digest))
            }
        }
        return BuildDigest(
            dockerfile: analysis.sourceDigest,
            ignoreFile: build.context.ignoreFile == nil ? nil : Digest.sha256(build.rules.bytes),
            target: build.target, buildArguments: build.buildArguments, contexts: contexts,
            unpinnedImages: BuildDigest.unpinnedImages(analysis.usage))
    }

    /// Writes the cache for the next digest; a failure is reported, not thrown: the digest itself is right.
    private static func saving(_ hasher: ContentHasher, in cache: DigestCache, startedAt: Int64) -> DigestProblem? {
        // Every file was found in the cache and every cached file was met: the cache on disk is already this one.
        if hasher.hashedFiles == 0, hasher.cacheHits == cache.entries.count { return nil }
        do {
            try cache.save(hasher.seen, startedAt: startedAt)
            return nil
        } catch {
            return DigestProblem(
                code: .cacheNotWritten, path: cache.path ?? "", call: error.call,
                errno: error.errno == 0 ? nil : error.errno)
        }
    }

    /// A build that owns the walk must count exactly what the walker counted: the proof, in every debug run, that
    /// the per-build tally and the walker agree.
    private static func assertSameTotals(_ tally: BuildTally, _ totals: SubtreeTotals) {
        let (sent, excluded) = tally.finalTotals
        assert(
            sent.files == totals.sentFiles && sent.directories == totals.sentDirectories
                && sent.symlinks == totals.sentSymlinks && sent.others == totals.sentOther
                && sent.bytes == totals.sentBytes && excluded.files == totals.excludedFiles
                && excluded.directories == totals.excludedDirectories && excluded.bytes == totals.excludedBytes,
            "build tally \(sent), \(excluded) differs from the walker's totals \(totals)")
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// A filter failure is the ignore engine's match-time error: surface that error itself.
    static func unwrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WalkError {
            if error.code == .filterFailed, let cause = error.underlying { throw cause }
            throw error
        }
    }
}
