import SichtbarCore

/// The store seam for statistics releases: frozen per office and period, audited in the same
/// transaction as they are made and sent. CaseStore implements it over SQLite.
public protocol ReleaseStore: Sendable {
    /// Keeps `release` unless the office already has one for its period, and returns the one
    /// kept: asked again for the same period, the first computation stands (noise included).
    /// `admit` runs inside the same transaction, given the office's releases already kept, and
    /// a throw from it stores nothing: the privacy ledger is checked there, so two releases
    /// frozen at once cannot both spend what is left of a year's budget.
    func freeze(_ release: StoredRelease, audit: AuditEvent, admit: @escaping @Sendable ([StoredRelease]) throws -> Void) async throws
        -> StoredRelease
    func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease?
    /// The office's releases, newest period first.
    func releases(officeID: EntityID) async throws -> [StoredRelease]
    /// Records the copy sealed to the Verband; a release is sent once (false when it already was).
    func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool
    /// Every sent copy of every office, sealed to the Verband, for its analysts to open.
    func sentReleases() async throws -> [StoredRelease]
}

extension ReleaseStore {
    /// Freezes with nothing to admit (exact releases spend no budget).
    public func freeze(_ release: StoredRelease, audit: AuditEvent) async throws -> StoredRelease {
        try await freeze(release, audit: audit, admit: { _ in })
    }
}
