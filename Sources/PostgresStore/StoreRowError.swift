/// A stored row the engine cannot read back (an id of the wrong length, an unknown role):
/// damage, which the caller reports rather than skips.
struct StoreRowError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
