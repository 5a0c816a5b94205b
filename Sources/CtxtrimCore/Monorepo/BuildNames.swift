/// Gives every build of a discovery a name no other build has, keeping the natural one where it is unique: the
/// compose service, `bake:target`, or the Dockerfile's path (with `:target` when one Dockerfile is built for several
/// targets).
enum BuildNames {
    static func uniquify(_ builds: [DiscoveredBuild]) -> [DiscoveredBuild] {
        var builds = builds
        // A Dockerfile built for several targets is told apart by its target.
        let perDockerfile = Dictionary(grouping: builds.indices, by: { builds[$0].name })
        for (_, indices) in perDockerfile where indices.count > 1 {
            for index in indices {
                if let target = builds[index].target { builds[index].name += ":\(target)" }
            }
        }
        // A service name two compose files use is told apart by its compose file.
        let perName = Dictionary(grouping: builds.indices, by: { builds[$0].name })
        for (_, indices) in perName where indices.count > 1 {
            for index in indices {
                if let composeFile = builds[index].composeFile, let service = builds[index].service {
                    builds[index].name = "\(composeFile):\(service)"
                } else if let bakeFile = builds[index].bakeFile, let target = builds[index].bakeTarget {
                    builds[index].name = "\(bakeFile):\(target)"
                }
            }
        }
        // Whatever still collides (the same declaration twice) gets a number, in discovery order.
        var seen: [String: Int] = [:]
        for index in builds.indices {
            let name = builds[index].name
            let count = seen[name, default: 0] + 1
            seen[name] = count
            if count > 1 { builds[index].name = "\(name) #\(count)" }
        }
        return builds
    }
}
