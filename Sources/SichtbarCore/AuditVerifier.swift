import Sealing

/// What `audit verify` concludes; a result with its reason rather than a thrown error.
public enum AuditVerdict: Sendable, Equatable {
    case intact(count: UInt64)
    /// The first entry that does not fit, and why.
    case broken(sequence: UInt64, reason: String)
    /// The chain no longer extends a checkpoint kept outside the server.
    case checkpointNotExtended(reason: String)
}

/// Recomputes a chain entry by entry, so a million events need not be held at once: feed every
/// stored entry in order to `consume`, then ask `finish` with the stored signed head.
public struct AuditVerifier: Sendable {
    public let chain: EntityID
    let key: SigningPublicKey
    let anchor: AuditHead?
    private var previous = AuditChain.genesis
    /// Scratch space for the hash being computed; swapped with `previous` once it matches.
    private var computed = AuditChain.genesis
    private var expected: UInt64 = 1
    private var anchorSeen = false
    private(set) public var failure: AuditVerdict?

    /// `anchor` is a checkpoint kept outside the server; it must be signed by `key`.
    public init(chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) {
        self.chain = chain
        self.key = key
        self.anchor = anchor
        if let anchor {
            if anchor.chain != chain {
                failure = .checkpointNotExtended(reason: "the checkpoint belongs to chain \(anchor.chain.hex)")
            } else if !anchor.isSigned(by: key) {
                failure = .checkpointNotExtended(reason: "the checkpoint's signature does not verify with the server key")
            } else if anchor.sequence == 0 {
                // The checkpoint of a chain that had no events yet (the daily job signs such heads):
                // no entry carries sequence 0, so it is extended by any chain that starts at genesis.
                if Sodium.constantTimeEqual(anchor.hash, AuditChain.genesis) {
                    anchorSeen = true
                } else {
                    failure = .checkpointNotExtended(reason: "the checkpoint names event 0 but not the start of a chain")
                }
            }
        }
    }

    /// Checks the next stored entry; returns false once the chain is known to be broken.
    @discardableResult
    public mutating func consume(_ entry: AuditEntry) -> Bool {
        var at = entry.event.at
        var actor = entry.event.actor
        var action = entry.event.action
        var subject = entry.event.subject
        return at.withUTF8 { at in
            actor.withUTF8 { actor in
                action.withUTF8 { action in
                    subject.withUTF8 { subject in
                        entry.hash.withUnsafeBytes { hash in
                            consume(
                                sequence: entry.sequence,
                                event: AuditChain.EventBytes(
                                    at: UnsafeRawBufferPointer(at), actor: UnsafeRawBufferPointer(actor),
                                    action: UnsafeRawBufferPointer(action),
                                    subject: UnsafeRawBufferPointer(subject)),
                                hash: hash)
                        }
                    }
                }
            }
        }
    }

    /// The same check over a stored row's bytes, borrowed for the duration of the call: what
    /// `audit verify` runs a million times, without building strings or arrays per entry.
    @discardableResult
    public mutating func consume(sequence: UInt64, event: AuditChain.EventBytes, hash storedHash: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        guard sequence == expected else {
            let reason =
                sequence < expected
                ? "event \(sequence) appears again or out of order after event \(expected - 1)"
                : "events \(expected) to \(sequence - 1) are missing"
            failure = .broken(sequence: min(sequence, expected), reason: reason)
            return false
        }
        let chain = self.chain
        let matches = previous.withUnsafeBytes { previous in
            computed.withUnsafeMutableBytes { computed in
                AuditChain.link(previous: previous, chain: chain, sequence: sequence, event: event, into: computed)
                return Sodium.constantTimeEqual(UnsafeRawBufferPointer(computed), storedHash)
            }
        }
        guard matches else {
            failure = .broken(sequence: sequence, reason: "event \(sequence) does not match its hash (edited, or a neighbour was moved)")
            return false
        }
        if let anchor, anchor.sequence == sequence {
            guard Sodium.constantTimeEqual(anchor.hash, computed) else {
                failure = .checkpointNotExtended(
                    reason: "event \(sequence) differs from the checkpoint: the history before it was rewritten")
                return false
            }
            anchorSeen = true
        }
        swap(&previous, &computed)
        expected += 1
        return true
    }

    /// The verdict once every entry was consumed; `head` is the stored signed head (nil if none).
    public func finish(head: AuditHead?) -> AuditVerdict {
        if let failure { return failure }
        let count = expected - 1
        if let anchor, !anchorSeen {
            return .checkpointNotExtended(
                reason: "the chain ends at event \(count), before the checkpoint's event \(anchor.sequence): newer events were deleted")
        }
        guard let head else {
            return count == 0 ? .intact(count: 0) : .broken(sequence: count, reason: "the chain has no signed head")
        }
        guard head.chain == chain, head.isSigned(by: key) else {
            return .broken(sequence: head.sequence, reason: "the signature over the chain head does not verify")
        }
        guard head.sequence == count, Sodium.constantTimeEqual(head.hash, previous) else {
            // The first event the signed head does not vouch for: the first one missing when the
            // chain is shorter, the first one added when it is longer, the last when only the hash differs.
            return .broken(
                sequence: head.sequence == count ? count : min(head.sequence, count) + 1,
                reason: "the signed head names event \(head.sequence), the chain ends at event \(count): events were deleted or added")
        }
        return .intact(count: count)
    }
}
