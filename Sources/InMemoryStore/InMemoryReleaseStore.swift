import Casework
import SichtbarCore
import Statistics

/// `ReleaseStore` over the shared in-memory state: one frozen release per office and period.
public struct InMemoryReleaseStore: ReleaseStore {
    let database: InMemoryDatabase

    /// Newest period first, then by office id: SQLite's `ORDER BY period DESC, office_id`.
    static func sorted(_ releases: some Sequence<StoredRelease>) -> [StoredRelease] {
        releases.sorted { lhs, rhs in
            lhs.period != rhs.period ? Binary.less(rhs.period, lhs.period) : Binary.less(lhs.officeID, rhs.officeID)
        }
    }

    /// Keeps what SQLite inserts: never a sent mark or Verband copy given with the release. The
    /// release given is returned as it came.
    public func freeze(_ release: StoredRelease, audit: AuditEvent, admit: @escaping @Sendable ([StoredRelease]) throws -> Void)
        async throws -> StoredRelease
    {
        try database.write { state in
            let kept = Self.sorted(state.releases.values.filter { $0.officeID == release.officeID })
            if let existing = kept.first(where: { $0.period == release.period }) { return existing }
            try admit(kept)
            // Once a year's deleted cases lost their classifications, a quarter of it computed now would count too few.
            if release.period.count == 7,
                state.droppedYears.contains(MonthKey(officeID: release.officeID, month: String(release.period.prefix(4))))
            {
                throw FieldError.invalid(
                    field: "period",
                    message: """
                        \(release.period) cannot be computed any more: the year \(release.period.prefix(4)) was released, and the retention \
                        policy has since dropped the classifications of its deleted cases. Release quarters before their year.
                        """)
            }
            guard Period.isValid(release.period) else { throw InMemoryStoreError.constraint("stat_release.period") }
            guard state.releases[release.id] == nil else { throw InMemoryStoreError.constraint("stat_release.id") }
            guard state.offices[release.officeID] != nil else { throw InMemoryStoreError.constraint("stat_release.office_id") }
            state.releases[release.id] = StoredRelease(
                id: release.id, officeID: release.officeID, period: release.period, createdAt: release.createdAt,
                keyVersion: release.keyVersion, sealed: release.sealed, epsilon: release.epsilon)
            database.audit([audit], chain: release.officeID, &state)
            return release
        }
    }

    public func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease? {
        try database.read { state in state.releases[id].flatMap { $0.officeID == officeID ? $0 : nil } }
    }

    public func releases(officeID: EntityID) async throws -> [StoredRelease] {
        try database.read { state in Self.sorted(state.releases.values.filter { $0.officeID == officeID }) }
    }

    /// Sent once: false, writing nothing, when it was sent already or is not the office's.
    public func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool {
        try database.write { state in
            guard let release = state.releases[id], release.officeID == officeID, release.sentAt == nil else { return false }
            state.releases[id] = StoredRelease(
                id: release.id, officeID: release.officeID, period: release.period, createdAt: release.createdAt,
                keyVersion: release.keyVersion, sealed: release.sealed, epsilon: release.epsilon, sentAt: at, verbandCopy: verbandCopy)
            database.audit([audit], chain: officeID, &state)
            return true
        }
    }

    public func sentReleases() async throws -> [StoredRelease] {
        try database.read { state in Self.sorted(state.releases.values.filter { $0.sentAt != nil }) }
    }
}
