import Casework
import SichtbarCore
import Statistics

/// Reads of the office's releases that see none (as a read made before another lead's freeze
/// committed would); freezing goes to the real store.
struct StaleReleaseReads: ReleaseStore {
    let store: any ReleaseStore

    func freeze(_ release: StoredRelease, audit: AuditEvent, admit: @escaping @Sendable ([StoredRelease]) throws -> Void) async throws
        -> StoredRelease
    {
        try await store.freeze(release, audit: audit, admit: admit)
    }

    func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease? { try await store.release(id: id, officeID: officeID) }
    func releases(officeID: EntityID) async throws -> [StoredRelease] { [] }

    func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool {
        try await store.markSent(id: id, officeID: officeID, verbandCopy: verbandCopy, at: at, audit: audit)
    }

    func sentReleases() async throws -> [StoredRelease] { try await store.sentReleases() }
}
