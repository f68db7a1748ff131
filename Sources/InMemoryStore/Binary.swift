import SichtbarCore

/// SQLite's BINARY collation and LIMIT, which the engine imitates: text compares by its UTF-8
/// bytes (Swift's `<` on strings follows Unicode instead), blobs by their bytes, and a negative
/// LIMIT means none.
enum Binary {
    static func less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    static func less(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        lhs.lexicographicallyPrecedes(rhs)
    }

    /// `a < b` on ids as SQLite orders the 16-byte blobs.
    static func less(_ lhs: EntityID, _ rhs: EntityID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// `LIMIT n`: the first `n`, or every row for a negative `n`.
    static func limit<Element>(_ rows: [Element], _ count: Int) -> [Element] {
        count < 0 ? rows : Array(rows.prefix(count))
    }
}
