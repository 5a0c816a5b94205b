/// A directory's running totals and the parts of it still pending (see ``DirectoryNode``).
///
/// Not nested in the generic node: the metadata of a type nested in a generic class is looked up at run time, on
/// every use.
@usableFromInline
struct DirectoryProgress {
    @usableFromInline var totals = SubtreeTotals()
    @usableFromInline var pending = 1
    @usableFromInline var isReadable = true

    @inlinable init() {}
}
