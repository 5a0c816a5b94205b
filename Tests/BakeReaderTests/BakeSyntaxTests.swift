import Testing

@testable import BakeReader

/// Reads one HCL file (or JSON when `name` ends in `.json`) and returns its targets by name.
func targets(_ text: String, name: String = "docker-bake.hcl") throws -> [String: BakeTarget] {
    let definition = try BakeDefinition.read([.init(name: name, bytes: Array(text.utf8))])
    return Dictionary(uniqueKeysWithValues: definition.targets.map { ($0.name, $0) })
}

/// The value of `expression` as the `target` attribute of a target, after `prelude` (variables, functions).
func value(_ expression: String, prelude: String = "") throws -> String? {
    try targets("\(prelude)\ntarget \"t\" {\n  target = \(expression)\n}\n")["t"]?.target
}

/// The error reading `text`.
func failure(_ text: String, name: String = "docker-bake.hcl") -> BakeError? {
    do {
        _ = try BakeDefinition.read([.init(name: name, bytes: Array(text.utf8))])
        return nil
    } catch {
        return error
    }
}

@Suite struct BakeSyntaxTests {
    @Test func blocksAttributesAndComments() throws {
        let found = try targets(
            """
            # a comment
            // another
            /* a block
               comment */
            group "default" { targets = ["app"] }
            target "app" {
              context    = "services/app" # trailing
              dockerfile = "docker/Dockerfile"   // trailing
              target     = "runtime"
              args = {
                NODE_VERSION = "20"
                "QUOTED" = 1.5
                COLON: true,
                UNSET = null
              }
              contexts = { shared = "../libs", image = "docker-image://alpine:3" }
              tags = [formatdate("YYYY", timestamp())]
            }
            """)
        let app = try #require(found["app"])
        #expect(app.context == "services/app")
        #expect(app.contextLocation == BakeTarget.Location(file: "docker-bake.hcl", line: 7))
        #expect(app.dockerfile == "docker/Dockerfile")
        #expect(app.target == "runtime")
        #expect(app.args == ["NODE_VERSION": "20", "QUOTED": "1.5", "COLON": "true"])
        #expect(app.contexts == ["shared": "../libs", "image": "docker-image://alpine:3"])
        #expect(app.location.line == 6)
    }

    @Test(arguments: [
        ("\"a-${V}-b\"", "a-x-b"),
        ("\"$${V}\"", "${V}"),
        ("\"%%{V}\"", "%{V}"),
        ("\"tab\\there \\\"q\\\" \\\\ \\u00e9\"", "tab\there \"q\" \\ é"),
        ("\"${N + 1}\"", "3"),
        ("\"${N * 2.5}\"", "5"),
        ("\"${N / 4}\"", "0.5"),
        ("\"${-N}\"", "-2"),
        ("\"${N > 1 && !F}\"", "true"),
        ("\"${N == 2 || F}\"", "true"),
        ("V == \"x\" ? \"yes\" : \"no\"", "yes"),
        ("F ? \"yes\" : \"no\"", "no"),
        ("\"${L[1]}-${O.k}-${O[\"k\"]}-${L.0}\"", "b-v-v-a"),
        ("(V)", "x"),
        ("upper(V)", "X"),
        ("lower(\"AbC\")", "abc"),
        ("join(\",\", L, [\"c\"])", "a,b,c"),
        ("join(\"-\", split(\".\", \"1.2.3\"))", "1-2-3"),
        ("join(\"\", concat([\"a\"], [\"b\"]))", "ab"),
        ("replace(\"a.b.c\", \".\", \"/\")", "a/b/c"),
        ("trimprefix(\"v1.2\", \"v\")", "1.2"),
        ("trimsuffix(\"app.tar\", \".tar\")", "app"),
        ("trimspace(\"  x \")", "x"),
        ("format(\"%s:%d%%\", V, N)", "x:2%"),
        ("coalesce(\"\", null, V)", "x"),
        ("\"${length(L)}${length(V)}${length(O)}\"", "211"),
        ("\"${equal(V, \"x\")}${notequal(V, \"x\")}\"", "truefalse"),
        ("\"${and(true, N > 1)}${or(false, F)}${not(F)}\"", "truefalsetrue"),
        ("\"${contains(L, \"b\")}\"", "true"),
        ("lookup(O, \"missing\", \"d\")", "d"),
        ("merge(O, {k = \"w\"}).k", "w"),
        ("substr(\"abcdef\", 1, 3)", "bcd"),
        ("join(\"\", [for_each])", "fe"),
        ("double(V)", "xx"),
        ("tagged(\"a\", \"b\", \"c\")", "a:b,c"),
        ("join(\",\", [L, [\"c\"]]...)", "a,b,c"),
        ("N", "2"),
        ("F", "false"),
    ])
    func expressions(expression: String, expected: String) throws {
        let prelude = """
            variable "V" { default = "x" }
            variable "N" {
              default = 2
            }
            variable "F" { default = false }
            L = ["a", "b"]
            O = { k = "v" }
            for_each = "fe"
            function "double" {
              params = [s]
              result = "${s}${s}"
            }
            function "tagged" {
              params = [name]
              variadic_params = rest
              result = "${name}:${join(",", rest)}"
            }
            """
        #expect(try value(expression, prelude: prelude) == expected)
    }

    @Test func heredocsKeepTheirTextAndIndentedOnesLoseTheCommonIndent() throws {
        let found = try targets(
            """
            variable "BASE" { default = "alpine" }
            target "plain" {
              dockerfile-inline = <<EOT
            FROM ${BASE}
              RUN echo $${HOME}
            EOT
            }
            target "indented" {
              dockerfile-inline = <<-EOT
                FROM ${BASE}
                  COPY . /src
                EOT
              target = "after"
            }
            """)
        #expect(found["plain"]?.dockerfileInline == "FROM alpine\n  RUN echo ${HOME}\n")
        #expect(found["indented"]?.dockerfileInline == "FROM alpine\n  COPY . /src\n")
        #expect(found["indented"]?.target == "after")
    }

    @Test func variablesWithoutADefaultAreEmptyAndTheEnvironmentIsNeverRead() throws {
        // PATH is set in every test process; bake would read it, ctxtrim must not.
        let found = try targets(
            """
            variable "PATH" {}
            variable "HOME" { default = "fixed" }
            target "app" { args = { P = "[${PATH}]", H = HOME, C = BAKE_CMD_CONTEXT } }
            """)
        #expect(found["app"]?.args == ["P": "[]", "H": "fixed", "C": "cwd://"])
    }

    @Test func variablesReferToEachOtherAndLaterDeclarationsWin() throws {
        let definition = try BakeDefinition.read([
            .init(name: "docker-bake.hcl", bytes: Array(#"variable "A" { default = "${B}-a" }"#.utf8)),
            .init(
                name: "docker-bake.override.hcl",
                bytes: Array(
                    """
                    variable "B" { default = "b" }
                    variable "A" { default = "${B}-override" }
                    target "t" { target = A }
                    """.utf8)),
        ])
        #expect(definition.targets.map(\.target) == ["b-override"])
    }

    @Test func aTopLevelAttributeWinsOverAVariableBlockOfTheSameName() throws {
        let definition = try BakeDefinition.read([
            .init(name: "docker-bake.hcl", bytes: Array("X = \"attribute\"\ntarget \"t\" { target = X }\n".utf8)),
            .init(name: "docker-bake.override.hcl", bytes: Array("variable \"X\" { default = \"block\" }\n".utf8)),
        ])
        #expect(definition.targets.map(\.target) == ["attribute"])
    }

    @Test func unusedAttributesAreNotEvaluated() throws {
        let found = try targets(#"target "t" { tags = [unknown_fn(NOPE)] }"#)
        #expect(found["t"] != nil)
    }
}
