/// What a walk that digests needs (``ContextScanner/Options/digest``): the cache of content digests to consult and
/// whether this walk writes it back.
package struct DigestSettings: Sendable {
    package var cache: DigestCache
    /// Only the walk of the cache's own tree writes it: a named context walked on its own beside its build reads it.
    package var savesCache = true
    /// `--all`: a build whose digest cannot be computed gets a ``ScanReport/digestFailure`` and the others go on;
    /// otherwise the walk throws its error.
    package var recordsFailures = false

    package init(cache: DigestCache) {
        self.cache = cache
    }
}
