/// A row or column of a two-dimensional table seen as a group: the cases with one code of
/// the fixed dimension (`group` is their margin), spread over the codes of the other (`cells`).
/// If one cell holds the whole group, everyone in it shares that attribute.
struct GroupLine: Hashable, Sendable {
    var table: Int
    var group: Int
    var cells: [Int]
}
