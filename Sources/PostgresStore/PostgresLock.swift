import SichtbarCore

/// What a transaction locks before it reads what it is about to change.
struct PostgresLock: Sendable, Equatable {
    let value: Int64

    /// An office's (or the Verband's) chain and everything decided under it: members, keys,
    /// manifests, releases. The first 8 bytes of a random id; a collision only serializes more.
    static func chain(_ id: EntityID) -> PostgresLock {
        PostgresLock(value: id.bytes.prefix(8).reduce(Int64(0)) { ($0 << 8) | Int64($1) })
    }

    /// There is one Verband per server: its creation and its analysts.
    static let verband = PostgresLock(value: 0x5369_6368_7462_0001)
    /// The order of offices (`position`) and the fallback mark.
    static let offices = PostgresLock(value: 0x5369_6368_7462_0002)
    /// Migrations, so two processes starting at once apply each once: the first key of the
    /// two-key lock whose second is the schema's hash.
    static let migrationsSpace: Int32 = 0x5369_6368
}
