import Foundation
import Intake
import Members
import SichtbarCore

/// The audit chains: appends, reads and checkpoints.
extension InMemoryMemberStore {
    public func record(_ events: [AuditEvent], chain: EntityID) async throws {
        try database.write { state in database.audit(events, chain: chain, &state) }
    }

    public func auditEntries(chain: EntityID, from sequence: UInt64, limit: Int) async throws -> [AuditEntry] {
        try database.read { Binary.limit($0.entries(chain: chain).filter { $0.sequence >= sequence }, limit) }
    }

    public func auditHead(chain: EntityID) async throws -> AuditHead? {
        try database.read { $0.chains[chain]?.head }
    }

    /// A subject matches itself and subjects that continue it after a space ("CASE from→to").
    public func auditEntries(chain: EntityID, subject: String, limit: Int) async throws -> [AuditEntry] {
        let lower = subject + " "
        let upper = subject + "!"
        return try database.read { state in
            Binary.limit(
                state.entries(chain: chain).filter {
                    let text = $0.event.subject
                    return Binary.equal(text, subject) || (Binary.less(lower, text) && Binary.less(text, upper))
                }, limit)
        }
    }

    /// Newest first, before `before`; every given part of the filter must match.
    public func auditEntries(chain: EntityID, filter: AuditFilter, before: UInt64?, limit: Int) async throws -> [AuditEntry] {
        try database.read { state in
            let matching = state.entries(chain: chain).reversed().filter { entry in
                let event = entry.event
                if let before, entry.sequence >= before { return false }
                if let actor = filter.actor, !Binary.equal(event.actor, actor) { return false }
                if let subjects = filter.subjects {
                    if Binary.less(event.subject, subjects.lower) { return false }
                    if let upper = subjects.upper, !Binary.less(event.subject, upper) { return false }
                }
                if let times = filter.times, Binary.less(event.at, times.from) || !Binary.less(event.at, times.to) { return false }
                return true
            }
            return Binary.limit(matching, limit)
        }
    }

    /// Appends the checkpoint's own event, then returns the signed head with the server key.
    public func checkpoint(chain: EntityID, by actor: String) async throws -> AuditCheckpoint {
        let head = try database.write { state -> AuditHead? in
            database.audit([.member(actor, .checkpointWritten)], chain: chain, &state)
            return state.chains[chain]?.head
        }
        guard let head else { throw StoreError.notFound }
        return AuditCheckpoint(head: head, key: database.signer.publicKey)
    }
}
