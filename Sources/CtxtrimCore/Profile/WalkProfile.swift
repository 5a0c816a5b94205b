/// What the ignore file costs the builder, measured on the walk of one build (`scan --profile`): where the walk spends
/// its time and entries, what each rule does, and which excluded directories BuildKit must still enter.
///
/// "Walked" means what BuildKit's walk visits (fsutil `filterFS.Walk`): every entry the filter decided, and the
/// entries below an excluded directory that ctxtrim skips but BuildKit enters; entries ctxtrim reads only to measure a
/// directory BuildKit prunes are not walked. "Sent" counts an excluded directory that was entered when something
/// below it is sent, as BuildKit sends it.
package struct WalkProfile: Sendable, Equatable {
    /// Entries walked and sent, for the whole context or one part of it.
    package struct Entries: Sendable, Equatable {
        package var walked = 0
        package var sent = 0

        package init(walked: Int = 0, sent: Int = 0) {
            self.walked = walked
            self.sent = sent
        }

        /// Walked but not sent: the builder's work that ends in nothing.
        package var walkedNotSent: Int { walked - sent }
    }

    /// One top-level directory of the context, or the top-level files as one row (``TopDirectory/topFilesPath``).
    package struct TopDirectory: Sendable, Equatable {
        /// The row of the entries directly in the context root that are not directories.
        package static let topFilesPath = "(files at the top)"

        package var path: String
        /// Worker time in the directory visits below it (for the files row: the visit of the context root itself).
        package var seconds: Double
        package var entries: Entries
    }

    /// One pattern line of the ignore file and what it did during the walk.
    package struct Rule: Sendable, Equatable {
        package var file: String
        package var line: Int
        /// As written, with `!` for an exception.
        package var pattern: String
        package var isException: Bool
        /// Time to evaluate the rule alone on the walked paths, replayed after the walk (see ``ProfileTally``).
        package var seconds: Double
        /// Walked entries the rule matched (BuildKit's `MatchesUsingParentResults`: a match of the parent counts).
        package var matched: Int
        /// Walked entries whose verdict it decided (the last rule that matched).
        package var decided: Int
        /// Walked entries it decided that are not sent.
        package var walkedNotSent: Int
    }

    /// An exception line, as the unprunable directories name it.
    package struct RuleReference: Sendable, Equatable {
        package var file: String
        package var line: Int
        package var pattern: String
    }

    /// An outermost excluded directory that BuildKit enters only because a wildcard exception turned pruning off.
    package struct UnprunableDirectory: Sendable, Equatable {
        package var path: String
        /// The exceptions that turn pruning off; any one of them is enough, so all are named.
        package var rules: [RuleReference]
        /// Entries walked strictly below it (all of them: nothing is pruned).
        package var entries: Int
        /// Their bytes.
        package var bytes: Int64
        /// Entries below it that are sent (re-included, or directories holding them).
        package var sent: Int
        /// Entries the walk would not visit if the directory were pruned, with the sent ones kept by literal
        /// exceptions: walked below minus sent below.
        package var savingEntries: Int
    }

    /// Wall time of the walk.
    package var walkSeconds: Double
    package var threads: Int
    /// Worker time spent reading directories that BuildKit prunes, only to measure them (not the builder's cost).
    package var measuringSeconds: Double
    package var entries: Entries
    /// The most costly first (by time, then entries walked), at most `top`.
    package var topDirectories: [TopDirectory]
    /// Every rule, in file order.
    package var rules: [Rule]
    /// The largest first (by entries walked), at most `top`.
    package var unprunable: [UnprunableDirectory]
    /// The `top` the lists were cut to.
    package var top: Int
}
