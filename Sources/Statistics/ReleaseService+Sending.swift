import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

extension ReleaseService {
    /// The office's releases, newest period first: what `/releases` lists (no counts opened).
    public func list(session: Session) async throws -> [StoredRelease] {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        return try await releases.releases(officeID: officeID)
    }

    /// One frozen release opened for the lead's preview; opening is audited as `release.viewed`.
    public func preview(id: EntityID, session: Session) async throws -> (stored: StoredRelease, file: StatFile) {
        let (officeID, secrets) = try await leadSecrets(session)
        guard let stored = try await releases.release(id: id, officeID: officeID) else { throw AccessError.notFound }
        let file = try open(stored, secrets: secrets)
        try await statistics.members.record([.member(session.username, .releaseViewed, stored.period, at: now())], chain: officeID)
        return (stored, file)
    }

    /// Sends a frozen release: the signed file sealed to the Verband's key (`to`, or the Verband
    /// of this server), returned as the envelope to hand over. The first send keeps its copy in
    /// the store for this server's analysts; every send is audited as `release.sent`, since
    /// each is the file leaving the office.
    public func send(id: EntityID, to verbandKey: BoxPublicKey? = nil, session: Session) async throws -> (
        stored: StoredRelease, envelope: ReleaseEnvelope
    ) {
        let (officeID, secrets) = try await leadSecrets(session)
        guard let stored = try await releases.release(id: id, officeID: officeID) else { throw AccessError.notFound }
        let recipient: BoxPublicKey
        if let verbandKey {
            // Named by the lead on the command line: their word, not a row.
            recipient = verbandKey
        } else if try await statistics.members.verband() != nil {
            // Only the key a lead confirmed, and only while the server still has it.
            recipient = try await KeyGuard(store: statistics.members).pinnedVerbandKey(for: session)
        } else {
            throw FieldError.invalid(field: "verband", message: "this server has no Verband key to send to; name one with --to-verband")
        }
        let file = try open(stored, secrets: secrets)
        var envelope = ReleaseEnvelope(sealing: try file.serialised(), office: officeID.hex, period: stored.period, to: recipient)
        // The chain head leaves the server with every release (writing it is itself audited).
        envelope.checkpoint = try await statistics.members.checkpoint(chain: officeID, by: session.username)
        let at = now()
        let audit = AuditEvent.member(session.username, .releaseSent, stored.period, at: at)
        let copy = Data(base64Encoded: envelope.sealed).map { [UInt8]($0) } ?? []
        if try await !releases.markSent(id: id, officeID: officeID, verbandCopy: copy, at: AuditEvent.timestamp(at), audit: audit) {
            try await statistics.members.record([audit], chain: officeID)
        }
        return (try await releases.release(id: id, officeID: officeID) ?? stored, envelope)
    }
}
