import Foundation
import Sealing
import SichtbarCore

/// The key checks every seal goes through, over the member store alone, so the member service
/// and the release service share them.
public struct KeyGuard: Sendable {
    public let store: any MemberStore

    public init(store: any MemberStore) {
        self.store = store
    }

    /// The office's keys as the session's member sees them, checked against the manifest.
    /// Reads only; raises nothing.
    public func keyReport(for session: Session) async throws -> KeyIntegrityReport {
        guard let officeID = session.officeID, let office = try await store.office(id: officeID) else { throw AccessError.notFound }
        let secrets = try await session.officeSecrets(version: office.keyVersion, store: store)
        return try await keyReport(office: office, secrets: secrets, root: session.officeRoot)
    }

    public func keyReport(office: Office, secrets: OfficeSecrets, root: [UInt8]?) async throws -> KeyIntegrityReport {
        let recoveryKey = try await store.recoveryKey(officeID: office.id)
        let members = try await store.members(officeID: office.id)
        let stored = try await store.keyManifest(officeID: office.id)
        let (manifest, problems) = KeyIntegrity.check(
            stored: stored, secrets: secrets, root: root, office: office,
            recoveryKey: recoveryKey, members: members)
        return KeyIntegrityReport(
            office: office, recoveryKey: recoveryKey, members: members, manifest: manifest,
            problems: problems, serverVerbandKey: try await store.verband()?.publicKey)
    }

    /// The authentic manifest and the session's current office secrets, before anything is
    /// sealed. Any difference is recorded as `integrity.alarm` and refused.
    public func requireIntactKeys(_ session: Session) async throws -> (manifest: KeyManifest, secrets: OfficeSecrets) {
        guard let officeID = session.officeID, let office = try await store.office(id: officeID) else { throw AccessError.notFound }
        let secrets = try await session.officeSecrets(version: office.keyVersion, store: store)
        let report = try await keyReport(office: office, secrets: secrets, root: session.officeRoot)
        guard report.isIntact, let manifest = report.manifest else {
            try await raiseAlarm(officeID: officeID, actor: session.username, problems: report.problems)
            throw AccessError.keyIntegrity(report.problems.map(\.message).joined(separator: "; "))
        }
        return (manifest, secrets)
    }

    /// One `integrity.alarm` event per problem, in the office's chain.
    public func raiseAlarm(officeID: EntityID, actor: String, problems: [KeyIntegrityProblem]) async throws {
        guard !problems.isEmpty else { return }
        try await store.record(problems.map { .member(actor, .integrityAlarm, $0.code) }, chain: officeID)
    }

    /// The Verband key a release of the session's office may be sealed to: the pinned one, and
    /// only while it is still the server's. A difference is an alarm until a lead confirms.
    public func pinnedVerbandKey(for session: Session) async throws -> BoxPublicKey {
        guard let officeID = session.officeID else { throw AccessError.notFound }
        let (manifest, _) = try await requireIntactKeys(session)
        let current = try await store.verband()?.publicKey
        guard let pinned = manifest.verbandPublicKey, pinned == current else {
            // Never confirmed is a lead's task; a confirmed key that changed is an alarm.
            if manifest.verbandPublicKey != nil {
                try await raiseAlarm(
                    officeID: officeID, actor: session.username,
                    problems: [.init("verband_key", "the Verband key differs from the one a lead confirmed")])
            }
            throw AccessError.keyIntegrity(
                manifest.verbandPublicKey == nil
                    ? "no Verband key is confirmed for this office yet; a lead compares its fingerprint and confirms it on the members page"
                    : "the Verband key on this server is not the one a lead confirmed; a lead compares the new fingerprint and confirms it")
        }
        return pinned
    }
}
