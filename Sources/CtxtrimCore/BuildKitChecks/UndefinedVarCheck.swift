import DockerfileReader
import UntrustedText

/// `undefined-var` (BuildKit `UndefinedVar`): a variable used in an instruction BuildKit expands, with no `ARG`
/// or `ENV` defining it.
package struct UndefinedVarCheck: BuildKitCheck {
    package init() {}

    package static let buildKitName = "UndefinedVar"

    package static let descriptor = CheckDescriptor(
        id: .undefinedVar, title: "Undefined variable",
        summary: "An instruction uses a variable that no `ARG` or `ENV` of its stage defines.",
        defaultSeverity: .warning,
        help: help(
            """
            BuildKit expands `$NAME` in `ENV`, `ARG` defaults, `LABEL`, `COPY`, `ADD`, `WORKDIR`, `USER`, \
            `VOLUME`, `STOPSIGNAL` and `RUN --mount` itself, and an undefined variable becomes the empty string: \
            `COPY $APP_DIR/ .` copies the whole context. A stage sees its own `ARG`s and `ENV`s and those of the \
            stage it is built from, not the global `ARG`s unless it declares them again (`ARG NAME` inside the \
            stage). Shell-form `RUN`, `CMD` and `ENTRYPOINT` are left to the shell. ctxtrim cannot read a base \
            image's `ENV` offline, so in a stage built from an image it reports only variables the Dockerfile \
            declares elsewhere (a global `ARG` not declared again is the usual case) and near misses of a \
            defined name; in a stage built from `scratch` it reports every undefined variable, as BuildKit does.
            """, id: .undefinedVar),
        family: .dockerfile, subjects: [.dockerfileLine], buildKitName: buildKitName,
        examples: [
            .dockerfile("`COPY $foo .` from scratch", triggers: true, "FROM scratch AS base\nCOPY $foo .\n"),
            .dockerfile(
                "a global ARG not declared in the stage", triggers: true,
                "ARG VERSION=1.0\nFROM alpine:3.20\nLABEL version=$VERSION\n"),
            .dockerfile(
                "a near miss of a defined name", triggers: true,
                "FROM alpine:3.20\nENV APP_DIR=/app\nWORKDIR $APP_DIRR\n"),
            .dockerfile("an ARG of the stage", triggers: false, "FROM scratch AS base\nARG foo\nCOPY $foo .\n"),
            .dockerfile(
                "a global ARG declared again", triggers: false,
                "ARG VERSION=1.0\nFROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n"),
            .dockerfile(
                "an ENV of the stage built from", triggers: false,
                "FROM alpine:3.20 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n"),
            .dockerfile(
                "a variable a base image may set", triggers: false,
                "FROM eclipse-temurin:21\nCOPY app.jar $JAVA_HOME/\n"),
            .dockerfile("shell-form RUN", triggers: false, "FROM scratch\nRUN echo $foo\n"),
        ])

    /// What a stage passes on to a stage built from it.
    private struct StageScope {
        var environment: [String: String] = [:]
        var declaredArgs: Set<String> = []
        var rootedInImage = false
    }

    package func violations(in dockerfile: Dockerfile) -> [BuildKitViolation] {
        let globals = BuildKitGlobalScope(dockerfile)
        let declaredAnywhere = Set(
            dockerfile.instructions.flatMap { instruction -> [String] in
                switch instruction.detail {
                case .arg(let list), .env(let list): list.map(\.name)
                default: []
                }
            })
        var scopes: [StageScope] = []
        var found: [BuildKitViolation] = []
        for stage in dockerfile.stages {
            var scope: StageScope
            if let parent = dockerfile.parentStage(of: stage, scope: globals) {
                scope = scopes[parent]
            } else {
                scope = StageScope()
                let base = dockerfile.expand(stage.from.image, variables: globals.values)?.text ?? stage.from.image
                scope.rootedInImage = base.lowercased() != "scratch"
            }
            for instruction in stage.instructions {
                let undefined = undefinedNames(in: instruction, dockerfile: dockerfile, scope: scope)
                for name in undefined {
                    let defined = Array(scope.environment.keys) + ["PATH"]
                    let suggestion = BuildKitSuggestion.closest(to: name, in: defined)
                    guard !scope.rootedInImage || declaredAnywhere.contains(name) || suggestion != nil else {
                        continue
                    }
                    found.append(
                        BuildKitViolation(
                            instruction,
                            "Usage of undefined variable \(Excerpt.quote("$" + name))"
                                + (suggestion.map { " (did you mean $\(Excerpt.bare($0))?)" } ?? "") + "."))
                }
                apply(instruction, dockerfile: dockerfile, globals: globals, to: &scope)
            }
            scopes.append(scope)
        }
        return found
    }

    /// The variables `instruction` expands that its stage does not define, in order of use.
    private func undefinedNames(in instruction: Instruction, dockerfile: Dockerfile, scope: StageScope) -> [String] {
        let words: [String]
        switch instruction.detail {
        case .arg(let definitions): words = definitions.compactMap(\.value)
        case .env(let definitions): words = definitions.map { $0.value ?? "" }
        case .run: words = instruction.flags.filter { $0.hasPrefix("--mount=") }
        case .copy(let copy):
            words = [copy.chown, copy.chmod].compactMap { $0 } + [instruction.arguments]
        default:
            guard ["LABEL", "WORKDIR", "USER", "VOLUME", "STOPSIGNAL"].contains(instruction.keyword) else {
                return []
            }
            words = [instruction.arguments]
        }
        var variables = scope.environment
        variables["PATH"] = variables["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var names: [String] = []
        for word in words where word.contains("$") {
            for name in dockerfile.expand(word, variables: variables)?.unmatched ?? []
            where !scope.declaredArgs.contains(name) && !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    /// The stage's variables after `instruction`, as `dispatchArg` and `dispatchEnv` leave them.
    private func apply(
        _ instruction: Instruction, dockerfile: Dockerfile, globals: BuildKitGlobalScope, to scope: inout StageScope
    ) {
        switch instruction.detail {
        case .arg(let definitions):
            for definition in definitions {
                scope.declaredArgs.insert(definition.name)
                if let value = definition.value {
                    scope.environment[definition.name] =
                        dockerfile.expand(value, variables: scope.environment)?.text ?? ""
                } else if let value = globals.values[definition.name] {
                    // `ARG NAME` without a default takes the global value, automatic arguments included.
                    scope.environment[definition.name] = value
                }
            }
        case .env(let definitions):
            let before = scope.environment
            for definition in definitions {
                scope.environment[definition.name] =
                    dockerfile.expand(definition.value ?? "", variables: before)?.text ?? ""
            }
        default:
            break
        }
    }
}
