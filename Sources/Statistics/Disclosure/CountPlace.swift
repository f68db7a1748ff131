/// Where a quantity is printed: a table (by index in the release), and the position in its
/// `cells` or its `margins`.
struct CountPlace: Hashable, Sendable {
    var table: Int
    var isMargin: Bool
    var position: Int
}
