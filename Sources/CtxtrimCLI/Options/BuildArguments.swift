/// `--build-arg KEY=VALUE` values, as `docker build` takes them.
enum BuildArguments {
    /// The values by key; the last one given for a key wins. Validation has checked each has an `=`.
    static func parse(_ arguments: [String]) -> [String: String] {
        Dictionary(
            arguments.map { argument in
                let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }, uniquingKeysWith: { _, last in last })
    }
}
