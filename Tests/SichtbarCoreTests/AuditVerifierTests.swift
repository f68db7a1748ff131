import Foundation
import SichtbarTesting
import Testing

@testable import Sealing
@testable import SichtbarCore

@Suite("AuditVerifier: every way of tampering gives its verdict and the first broken event")
struct AuditVerifierTests {
    fileprivate let chain = TestChain(count: 20)
    var key: SigningPublicKey { chain.signer.publicKey }

    @Test func anIntactChainIsCounted() {
        #expect(verdict(chain.entries, chain: chain.id, key: key, head: chain.head()) == .intact(count: 20))
    }

    @Test func anEmptyChainWithoutHeadIsIntact() {
        #expect(verdict([], chain: chain.id, key: key, head: nil) == .intact(count: 0))
    }

    @Test func entriesWithoutSignedHeadAreBroken() {
        let result = verdict(chain.entries, chain: chain.id, key: key, head: nil)
        #expect(brokenSequence(result) == 20)
        #expect(reason(result).contains("no signed head"))
    }

    @Test func anEditedEventIsNamed() {
        var entries = chain.entries
        let original = entries[6]
        entries[6] = AuditEntry(
            sequence: 7,
            event: AuditEvent(
                at: original.event.at, actor: original.event.actor,
                actionName: original.event.action, subject: "someone-else"),
            hash: original.hash)
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 7)
        #expect(reason(result).contains("event 7"))
    }

    @Test func anEditedHashIsNamed() {
        var entries = chain.entries
        var hash = entries[11].hash
        hash[0] ^= 0x80
        entries[11] = AuditEntry(sequence: 12, event: entries[11].event, hash: hash)
        #expect(brokenSequence(verdict(entries, chain: chain.id, key: key, head: chain.head())) == 12)
    }

    @Test func aDeletedMiddleEntryIsNamed() {
        var entries = chain.entries
        entries.remove(at: 9)  // event 10
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 10)
        #expect(reason(result).contains("10"), "\(reason(result))")
        #expect(reason(result).contains("missing"))
    }

    @Test func aDeletedMiddleEntryIsCaughtEvenWhenRenumberedAndRelinked() {
        // Renumbering alone cannot help: the later hashes cover their old neighbours.
        var entries = chain.entries
        entries.remove(at: 9)
        let renumbered = entries.enumerated().map {
            AuditEntry(sequence: UInt64($0.offset + 1), event: $0.element.event, hash: $0.element.hash)
        }
        #expect(brokenSequence(verdict(renumbered, chain: chain.id, key: key, head: chain.head())) == 10)
        // Relinking the hashes too leaves only the signed head to disagree.
        let relinked = TestChain.relinked(renumbered, chain: chain.id)
        let result = verdict(relinked, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 20, "\(result)")
    }

    @Test func aDuplicatedEntryIsNamed() {
        var entries = chain.entries
        entries.insert(entries[4], at: 5)  // event 5 twice
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 5)
        #expect(reason(result).contains("again"))
    }

    @Test func entriesDeliveredOutOfOrderAreNamed() {
        var entries = chain.entries
        entries.swapAt(7, 8)  // events 9, then 8
        #expect(brokenSequence(verdict(entries, chain: chain.id, key: key, head: chain.head())) == 8)
    }

    @Test func entriesWithSwappedSequenceNumbersAreNamed() {
        // What reordering rows in the database does: events 8 and 9 trade their numbers.
        var entries = chain.entries
        let eighth = entries[7]
        let ninth = entries[8]
        entries[7] = AuditEntry(sequence: 8, event: ninth.event, hash: ninth.hash)
        entries[8] = AuditEntry(sequence: 9, event: eighth.event, hash: eighth.hash)
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 8)
        #expect(reason(result).contains("does not match its hash"))
    }

    @Test func anInsertedEntryIsNamed() {
        // A plausible entry linked onto event 10, with the later events renumbered after it.
        var entries = Array(chain.entries.prefix(10))
        let forged = AuditEvent(at: "2026-11-21T10:00:00Z", actor: "mallory", action: .caseViewed, subject: "x")
        entries.append(
            AuditEntry(
                sequence: 11, event: forged,
                hash: AuditChain.link(previous: entries[9].hash, chain: chain.id, sequence: 11, event: forged)))
        entries += chain.entries.dropFirst(10).map { AuditEntry(sequence: $0.sequence + 1, event: $0.event, hash: $0.hash) }
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 12, "the forged entry fits; the event after it no longer does: \(result)")
    }

    @Test func anEntryAddedAfterTheSignedHeadIsNamed() {
        var extended = chain
        extended.append(AuditEvent(at: "2026-11-21T10:00:00Z", actor: "mallory", action: .caseViewed, subject: "x"))
        let result = verdict(extended.entries, chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 21, "event 21 is the first the signed head does not cover: \(result)")
        #expect(reason(result).contains("signed head names event 20"))
    }

    @Test func aTruncatedTailIsNamedFromTheSignedHead() {
        let result = verdict(Array(chain.entries.prefix(15)), chain: chain.id, key: key, head: chain.head())
        #expect(brokenSequence(result) == 16, "event 16 is the first one missing: \(result)")
        #expect(reason(result).contains("ends at event 15"))
    }

    @Test func aHeadWithTheRightNumberButAnotherHashIsBroken() {
        let head = AuditHead.signed(chain: chain.id, sequence: 20, hash: chain.entries[18].hash, by: chain.signer)
        #expect(brokenSequence(verdict(chain.entries, chain: chain.id, key: key, head: head)) == 20)
    }

    @Test func aHeadSignedByAnotherKeyIsBroken() {
        let result = verdict(chain.entries, chain: chain.id, key: key, head: chain.head(by: SigningKeyPair()))
        #expect(brokenSequence(result) == 20)
        #expect(reason(result).contains("signature"))
    }

    @Test func aHeadWithAFlippedSignatureBitIsBroken() {
        let head = chain.head()
        var signature = head.signature
        signature[10] ^= 1
        let forged = AuditHead(chain: head.chain, sequence: head.sequence, hash: head.hash, signature: signature)
        #expect(brokenSequence(verdict(chain.entries, chain: chain.id, key: key, head: forged)) == 20)
    }

    @Test func aHeadOfAnotherChainIsBroken() {
        let other = TestChain(signer: chain.signer, count: 20)
        let result = verdict(chain.entries, chain: chain.id, key: key, head: other.head())
        #expect(brokenSequence(result) != nil, "\(result)")
    }

    @Test func entriesOfAnotherChainDoNotVerify() {
        // The chain id is in every hash: an office's events cannot pass as another's.
        let other = TestChain(signer: chain.signer, count: 3)
        let result = verdict(other.entries, chain: chain.id, key: key, head: other.head())
        #expect(brokenSequence(result) == 1)
    }

    @Test func theVerifierStopsAtTheFirstFailure() {
        var verifier = AuditVerifier(chain: chain.id, key: key)
        var entries = chain.entries
        entries[2] = AuditEntry(sequence: 3, event: entries[3].event, hash: entries[2].hash)
        let accepted = entries.prefix(4).map { verifier.consume($0) }
        #expect(accepted == [true, true, false, false], "a later entry cannot make up for an earlier break")
        #expect(brokenSequence(verifier.failure ?? .intact(count: 0)) == 3)
        #expect(brokenSequence(verifier.finish(head: chain.head())) == 3)
    }

    // MARK: Checkpoints kept outside the server

    @Test func aChainThatExtendsItsCheckpointIsIntact() {
        let checkpoint = chain.head(upTo: 12)
        #expect(verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: checkpoint) == .intact(count: 20))
        #expect(
            verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: chain.head()) == .intact(count: 20),
            "a checkpoint of the current head is extended too")
    }

    @Test func aCheckpointOfAnotherChainIsRefused() {
        let other = TestChain(signer: chain.signer, count: 20)
        let result = verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: other.head(upTo: 5))
        #expect(isCheckpointFailure(result))
        #expect(reason(result).contains(other.id.hex))
    }

    @Test func aCheckpointWithABadSignatureIsRefused() {
        let genuine = chain.head(upTo: 12)
        var signature = genuine.signature
        signature[0] ^= 1
        let forged = AuditHead(chain: genuine.chain, sequence: genuine.sequence, hash: genuine.hash, signature: signature)
        let result = verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: forged)
        #expect(isCheckpointFailure(result))
        #expect(reason(result).contains("signature"))
        let foreignKey = chain.head(upTo: 12, by: SigningKeyPair())
        #expect(isCheckpointFailure(verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: foreignKey)))
    }

    /// Deleting the newest events and signing a fresh head (the server key is on the server) passes
    /// on its own; only a checkpoint kept elsewhere shows that events 16 to 20 existed.
    @Test func truncationBehindAKeptCheckpointIsCaught() {
        let shortened = Array(chain.entries.prefix(15))
        let resigned = chain.head(upTo: 15)
        #expect(verdict(shortened, chain: chain.id, key: key, head: resigned) == .intact(count: 15))
        let result = verdict(shortened, chain: chain.id, key: key, head: resigned, anchor: chain.head(upTo: 18))
        #expect(isCheckpointFailure(result))
        #expect(reason(result).contains("event 15") && reason(result).contains("event 18"), "\(reason(result))")
        // An older checkpoint that the shortened chain still extends cannot notice.
        #expect(verdict(shortened, chain: chain.id, key: key, head: resigned, anchor: chain.head(upTo: 10)) == .intact(count: 15))
    }

    /// Rewriting history with the server key: every hash relinked and the head signed anew.
    @Test func rewrittenHistoryBehindAKeptCheckpointIsCaught() {
        var entries = chain.entries
        entries[4] = AuditEntry(
            sequence: 5,
            event: AuditEvent(
                at: entries[4].event.at, actor: "someone-else",
                actionName: entries[4].event.action, subject: entries[4].event.subject),
            hash: entries[4].hash)
        let rewritten = TestChain.relinked(entries, chain: chain.id)
        let resigned = AuditHead.signed(chain: chain.id, sequence: 20, hash: rewritten[19].hash, by: chain.signer)
        #expect(verdict(rewritten, chain: chain.id, key: key, head: resigned) == .intact(count: 20))
        let result = verdict(rewritten, chain: chain.id, key: key, head: resigned, anchor: chain.head(upTo: 12))
        #expect(isCheckpointFailure(result))
        #expect(reason(result).contains("event 12"), "the checkpoint's event is where the difference shows: \(reason(result))")
        #expect(reason(result).contains("rewritten"))
        // A checkpoint before the edit is still extended.
        #expect(verdict(rewritten, chain: chain.id, key: key, head: resigned, anchor: chain.head(upTo: 4)) == .intact(count: 20))
    }

    @Test func aCheckpointFailureWinsOverALaterBreak() {
        let other = TestChain(signer: chain.signer, count: 20)
        var entries = chain.entries
        entries.remove(at: 3)
        let result = verdict(entries, chain: chain.id, key: key, head: chain.head(), anchor: other.head(upTo: 5))
        #expect(isCheckpointFailure(result))
    }

    /// The daily job signs the head of a chain that has no events yet (sequence 0, genesis hash);
    /// a lead who keeps that checkpoint must not be told later that events were deleted.
    @Test func aCheckpointOfAChainWithoutEventsIsExtendedByAnyChain() {
        let empty = chain.head(upTo: 0)
        #expect(empty.sequence == 0 && empty.hash == AuditChain.genesis)
        #expect(verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: empty) == .intact(count: 20))
        #expect(verdict([], chain: chain.id, key: key, head: empty, anchor: empty) == .intact(count: 0))
        let odd = AuditHead.signed(chain: chain.id, sequence: 0, hash: chain.entries[0].hash, by: chain.signer)
        #expect(isCheckpointFailure(verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: odd)))
    }

    @Test func aCheckpointOfAnEmptiedChainIsCaught() {
        let result = verdict([], chain: chain.id, key: key, head: nil, anchor: chain.head(upTo: 3))
        #expect(isCheckpointFailure(result))
        #expect(reason(result).contains("event 0"))
    }
}
