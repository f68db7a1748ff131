import Foundation
import Sealing
import SichtbarCore

/// The audit chains, as `AuditLog` writes them in SQLite.
extension State {
    /// Appends `events` to `chain` and signs the new head. On a chain's first append of a day the
    /// reporter events of finished days go in first, in day and id order, and the head is signed
    /// again even when nothing else is appended.
    mutating func append(_ events: [AuditEvent], chain: EntityID, signer: SigningKeyPair, today: Day) {
        var row = chains[chain] ?? ChainRow()
        var sequence = row.head?.sequence ?? 0
        var previous = row.head?.hash ?? AuditChain.genesis
        var all = events
        let flushing = Binary.less(row.flushedBefore, today.iso)
        if flushing {
            all = reporterEvents(chain: chain, before: today) + events
            row.flushedBefore = today.iso
        }
        // Nothing new and nothing flushed: the signed head stays as it is.
        guard !all.isEmpty || flushing else { return }
        for event in all {
            sequence += 1
            let hash = AuditChain.link(previous: previous, chain: chain, sequence: sequence, event: event)
            row.entries.append(AuditEntry(sequence: sequence, event: event, hash: hash))
            previous = hash
        }
        row.head = AuditHead.signed(chain: chain, sequence: sequence, hash: previous, by: signer)
        chains[chain] = row
    }

    /// Reporter-side events of days before `today` not in the chain yet, marked as taken: the
    /// reports received (cases of the office not yet audited) and the queued events.
    mutating func reporterEvents(chain: EntityID, before today: Day) -> [AuditEvent] {
        var collected: [(day: String, id: EntityID, event: AuditEvent)] = []
        var received: [EntityID] = []
        for (id, file) in cases where file.officeID == chain && !file.intakeAudited && Binary.less(file.receivedOn.iso, today.iso) {
            received.append(id)
            collected.append(
                (file.receivedOn.iso, id, AuditEvent(at: file.receivedOn.iso, actor: "reporter", action: .reportReceived, subject: id.hex))
            )
        }
        var kept: [PendingAuditRow] = []
        for pending in pendingAudit {
            if pending.chain == chain && Binary.less(pending.day, today.iso) {
                collected.append(
                    (
                        pending.day, pending.id,
                        AuditEvent(at: pending.day, actor: "reporter", actionName: pending.action, subject: pending.subject)
                    ))
            } else {
                kept.append(pending)
            }
        }
        guard !collected.isEmpty else { return [] }
        for id in received { cases[id]?.intakeAudited = true }
        pendingAudit = kept
        return collected.sorted { lhs, rhs in
            lhs.day != rhs.day ? Binary.less(lhs.day, rhs.day) : Binary.less(lhs.id, rhs.id)
        }.map(\.event)
    }

    /// Queues a reporter-side event until its day is over.
    mutating func queue(_ action: AuditAction, subject: EntityID, chain: EntityID, day: Day) {
        pendingAudit.append(PendingAuditRow(id: .random(), chain: chain, day: day.iso, action: action.rawValue, subject: subject.hex))
    }

    func entries(chain: EntityID) -> [AuditEntry] {
        chains[chain]?.entries ?? []
    }
}
