import Testing

@testable import BakeReader

@Suite struct BakeSemanticsTests {
    @Test func inheritsApplyParentsInOrderAndMapsMergeByKey() throws {
        let found = try targets(
            """
            target "base" {
              context = "base"
              dockerfile = "base.Dockerfile"
              args = { A = "base", B = "base" }
              contexts = { lib = "libs" }
            }
            target "tuned" {
              args = { B = "tuned", C = "tuned" }
              target = "tuned"
            }
            target "app" {
              inherits = ["base", "tuned"]
              context = "app"
              args = { C = "app" }
            }
            target "leaf" { inherits = ["app"] }
            """)
        let app = try #require(found["app"])
        #expect(app.context == "app")
        #expect(app.dockerfile == "base.Dockerfile")
        #expect(app.target == "tuned")
        #expect(app.args == ["A": "base", "B": "tuned", "C": "app"])
        #expect(app.contexts == ["lib": "libs"])
        #expect(app.contextLocation?.line == 13)
        let leaf = try #require(found["leaf"])
        #expect(leaf.context == "app" && leaf.args == app.args && leaf.target == "tuned")
        #expect(leaf.contextLocation?.line == 13)
    }

    @Test func laterFilesMergeIntoEarlierTargetsByAttribute() throws {
        let definition = try BakeDefinition.read([
            .init(
                name: "docker-bake.json",
                bytes: Array(
                    #"{"target": {"app": {"context": "app", "args": {"A": "json", "B": "json"}}}}"#.utf8)),
            .init(
                name: "docker-bake.hcl",
                bytes: Array(#"target "app" { args = { B = "hcl" } }"#.utf8)),
            .init(
                name: "docker-bake.override.hcl",
                bytes: Array("target \"app\" {\n  dockerfile = \"x.Dockerfile\"\n}\ntarget \"extra\" {}\n".utf8)),
        ])
        #expect(definition.targets.map(\.name) == ["app", "extra"])
        let app = definition.targets[0]
        #expect(app.context == "app" && app.dockerfile == "x.Dockerfile")
        #expect(app.args == ["A": "json", "B": "hcl"])
        #expect(app.location == BakeTarget.Location(file: "docker-bake.json", line: 1))
    }

    @Test func groupsOnlySelectTargets() throws {
        let definition = try BakeDefinition.read([
            .init(
                name: "docker-bake.hcl",
                bytes: Array(
                    """
                    group "default" { targets = ["web", "ci"] }
                    group "ci" { targets = ["test"] }
                    target "web" {}
                    target "test" {}
                    target "unlisted" {}
                    """.utf8))
        ])
        #expect(definition.targets.map(\.name) == ["web", "test", "unlisted"])
        #expect(definition.groups == ["default": ["web", "ci"], "ci": ["test"]])
    }

    @Test func aMatrixMakesOneTargetPerCombinationAndAGroupOfThem() throws {
        let definition = try BakeDefinition.read([
            .init(
                name: "docker-bake.hcl",
                bytes: Array(
                    """
                    variable "PREFIX" { default = "svc" }
                    target "app" {
                      matrix = {
                        item = [{ dir = "api", stage = "prod" }, { dir = "web", stage = "dev" }]
                        variant = ["alpine", "debian"]
                      }
                      name = "${PREFIX}-${item.dir}-${variant}"
                      context = "services/${item.dir}"
                      target = item.stage
                      args = { BASE = variant }
                    }
                    """.utf8))
        ])
        #expect(
            definition.targets.map(\.name) == [
                "svc-api-alpine", "svc-web-alpine", "svc-api-debian", "svc-web-debian",
            ])
        #expect(definition.targets.map(\.context) == ["services/api", "services/web", "services/api", "services/web"])
        #expect(definition.targets.map(\.target) == ["prod", "dev", "prod", "dev"])
        #expect(definition.targets.map { $0.args["BASE"] } == ["alpine", "alpine", "debian", "debian"])
        #expect(definition.groups["app"] == definition.targets.map(\.name))
    }

    @Test func aMatrixIsBounded() throws {
        let values = "[" + (0..<40).map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        let error = try #require(
            failure("target \"a\" {\n  matrix = { a = \(values), b = \(values) }\n  name = \"t-${a}-${b}\"\n}\n"))
        #expect(error.code == .tooLarge && error.line == 2)
    }

    @Test func theJSONFormInterpolatesItsStrings() throws {
        let found = try targets(
            """
            {
              "variable": {"TAG": {"default": "1.0"}, "DIR": {"default": "svc"}},
              "REGISTRY": "example.org",
              "group": {"default": {"targets": ["api"]}},
              "target": {
                "api": {
                  "context": "${DIR}/api",
                  "args": {"TAG": "${TAG}", "LITERAL": "$${TAG}", "N": 3},
                  "contexts": {"lib": "cwd://libs"},
                  "inherits": ["common"]
                },
                "common": {"target": "prod"}
              }
            }
            """, name: "docker-bake.json")
        let api = try #require(found["api"])
        #expect(api.context == "svc/api")
        #expect(api.args == ["TAG": "1.0", "LITERAL": "${TAG}", "N": "3"])
        #expect(api.contexts == ["lib": "cwd://libs"])
        #expect(api.target == "prod")
        #expect(api.contextLocation?.line == 7)
    }
}

/// `md5` and `sha256`, which matrix targets use to name themselves (BuildKit's `validate-dockerfile-${md5(f)}`).
@Suite struct BakeDigestTests {
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            String(repeating: "a", count: 64), "014842d480b571495a4a0363793f7367",
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"
        ),
        (
            "The quick brown fox jumps over the lazy dog", "9e107d9d372bb6826bd81d3542a419d6",
            "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"
        ),
    ])
    func knownVectors(message: String, md5: String, sha256: String) {
        #expect(BakeDigest.md5(Array(message.utf8)) == md5)
        #expect(BakeDigest.sha256(Array(message.utf8)) == sha256)
    }

    @Test func aMatrixTargetNamedByADigestOfItsDockerfile() throws {
        let definition = try BakeDefinition.read([
            .init(
                name: "docker-bake.hcl",
                bytes: Array(
                    """
                    target "validate" {
                      matrix = { dockerfile = ["Dockerfile", "hack/lint.Dockerfile"] }
                      name = "validate-${md5(dockerfile)}"
                      dockerfile = dockerfile
                    }
                    """.utf8))
        ])
        let names = Set(definition.targets.map(\.name))
        #expect(names.contains("validate-\(BakeDigest.md5(Array("Dockerfile".utf8)))"))
        #expect(names.contains("validate-\(BakeDigest.md5(Array("hack/lint.Dockerfile".utf8)))"))
    }
}
