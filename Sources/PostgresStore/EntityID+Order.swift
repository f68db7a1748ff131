import SichtbarCore

extension EntityID {
    /// Byte order, as PostgreSQL sorts `bytea` (and SQLite blobs).
    func precedes(_ other: EntityID) -> Bool { bytes.lexicographicallyPrecedes(other.bytes) }
}
