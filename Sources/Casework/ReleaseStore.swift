/// The store seam for statistics releases: frozen per office and period, audited in the same
/// transaction as they are made and sent. CaseStore implements it over SQLite.
public protocol ReleaseStore: Sendable {
    /// Keeps `release` unless the office already has one for its period, and returns the one
    /// kept: asked again for the same period, the first computation stands (noise included).
    func freeze(_ release: StoredRelease, audit: AuditEvent) async throws -> StoredRelease
    func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease?
    /// The office's releases, newest period first.
    func releases(officeID: EntityID) async throws -> [StoredRelease]
    /// Records the copy sealed to the Verband; a release is sent once (false when it already was).
    func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool
    /// Every sent copy of every office, sealed to the Verband, for its analysts to open.
    func sentReleases() async throws -> [StoredRelease]
}
