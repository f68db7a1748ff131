import Foundation
import Testing
@testable import Sealing
@testable import SichtbarCore
import SichtbarTesting

/// A chain built in memory, entry by entry, the way the store appends it.
fileprivate struct TestChain {
    let id: EntityID
    let signer: SigningKeyPair
    var entries: [AuditEntry] = []

    init(id: EntityID = .random(), signer: SigningKeyPair = SigningKeyPair(), count: Int = 0) {
        self.id = id
        self.signer = signer
        for index in 0..<count {
            append(AuditEvent(at: String(format: "2026-11-21T09:%02d:%02dZ", index / 60, index % 60), actor: "lead.\(index % 3)",
                              action: index.isMultiple(of: 2) ? .caseViewed : .login, subject: "subject-\(index)"))
        }
    }

    var lastHash: [UInt8] { entries.last?.hash ?? AuditChain.genesis }

    mutating func append(_ event: AuditEvent) {
        let sequence = UInt64(entries.count + 1)
        entries.append(AuditEntry(sequence: sequence, event: event,
                                  hash: AuditChain.link(previous: lastHash, chain: id, sequence: sequence, event: event)))
    }

    /// The signed head over the first `count` entries (all of them by default).
    func head(upTo count: Int? = nil, by key: SigningKeyPair? = nil) -> AuditHead {
        let count = count ?? entries.count
        return AuditHead.signed(chain: id, sequence: UInt64(count), hash: count == 0 ? AuditChain.genesis : entries[count - 1].hash,
                                by: key ?? signer)
    }

    /// Recomputes the hashes of `entries` from index 0 on, as someone holding no secret can.
    static func relinked(_ entries: [AuditEntry], chain: EntityID) -> [AuditEntry] {
        var previous = AuditChain.genesis
        return entries.map { entry in
            let hash = AuditChain.link(previous: previous, chain: chain, sequence: entry.sequence, event: entry.event)
            previous = hash
            return AuditEntry(sequence: entry.sequence, event: entry.event, hash: hash)
        }
    }
}

/// Feeds `entries` to a verifier and returns its verdict for `head`.
private func verdict(_ entries: [AuditEntry], chain: EntityID, key: SigningPublicKey, head: AuditHead?,
                     anchor: AuditHead? = nil) -> AuditVerdict {
    var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
    for entry in entries where !verifier.consume(entry) { break }
    return verifier.finish(head: head)
}

private func brokenSequence(_ verdict: AuditVerdict) -> UInt64? {
    if case .broken(let sequence, _) = verdict { return sequence }
    return nil
}

private func reason(_ verdict: AuditVerdict) -> String {
    switch verdict {
    case .intact: return ""
    case .broken(_, let reason), .checkpointNotExtended(let reason): return reason
    }
}

private func isCheckpointFailure(_ verdict: AuditVerdict) -> Bool {
    if case .checkpointNotExtended = verdict { return true }
    return false
}

@Suite("AuditChain.link: one hash over previous hash, chain, sequence and every event field")
struct AuditChainLinkTests {
    let chain = EntityID.random()
    let previous = [UInt8](repeating: 7, count: 32)
    let event = AuditEvent(at: "2026-11-21T09:14:03Z", actor: "margarete", action: .caseViewed, subject: "0123abcd")

    @Test func isDeterministicAndThirtyTwoBytes() {
        let first = AuditChain.link(previous: previous, chain: chain, sequence: 5, event: event)
        let second = AuditChain.link(previous: previous, chain: chain, sequence: 5, event: event)
        #expect(first == second)
        #expect(first.count == 32)
        #expect(first != AuditChain.genesis)
        let copy = AuditEvent(at: event.at, actor: event.actor, actionName: event.action, subject: event.subject)
        #expect(AuditChain.link(previous: previous, chain: chain, sequence: 5, event: copy) == first)
    }

    @Test func changesWithEveryInput() throws {
        let base = AuditChain.link(previous: previous, chain: chain, sequence: 5, event: event)
        var otherPrevious = previous
        otherPrevious[31] ^= 1
        var otherChainBytes = chain.bytes
        otherChainBytes[0] ^= 1
        let otherChain = try #require(EntityID(bytes: otherChainBytes))
        let variants: [(String, [UInt8])] = [
            ("previous", AuditChain.link(previous: otherPrevious, chain: chain, sequence: 5, event: event)),
            ("genesis", AuditChain.link(previous: AuditChain.genesis, chain: chain, sequence: 5, event: event)),
            ("chain", AuditChain.link(previous: previous, chain: otherChain, sequence: 5, event: event)),
            ("sequence", AuditChain.link(previous: previous, chain: chain, sequence: 6, event: event)),
            ("high sequence byte", AuditChain.link(previous: previous, chain: chain, sequence: 5 | (1 << 56), event: event)),
            ("at", AuditChain.link(previous: previous, chain: chain, sequence: 5,
                                   event: AuditEvent(at: "2026-11-21T09:14:04Z", actor: event.actor, actionName: event.action, subject: event.subject))),
            ("actor", AuditChain.link(previous: previous, chain: chain, sequence: 5,
                                      event: AuditEvent(at: event.at, actor: "margaretE", actionName: event.action, subject: event.subject))),
            ("action", AuditChain.link(previous: previous, chain: chain, sequence: 5,
                                       event: AuditEvent(at: event.at, actor: event.actor, action: .caseListViewed, subject: event.subject))),
            ("subject", AuditChain.link(previous: previous, chain: chain, sequence: 5,
                                        event: AuditEvent(at: event.at, actor: event.actor, actionName: event.action, subject: "0123abce"))),
            ("empty subject", AuditChain.link(previous: previous, chain: chain, sequence: 5,
                                              event: AuditEvent(at: event.at, actor: event.actor, actionName: event.action, subject: ""))),
        ]
        for (name, hash) in variants {
            #expect(hash != base, "changing \(name) must change the hash")
        }
        #expect(Set(variants.map(\.1)).count == variants.count, "every variant hashes differently")
    }

    /// The layout every stored chain depends on, spelled out byte by byte: the streaming hash
    /// must give exactly what BLAKE2b over the joined message gives, or existing chains break.
    @Test func isBlake2bOverTheDocumentedLayout() {
        func bigEndian(_ value: UInt64) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) } }
        var message = Array("sichtbar-audit-v1".utf8) + previous + chain.bytes + bigEndian(5)
        for field in [event.at, event.actor, event.action, event.subject] {
            message += bigEndian(UInt64(field.utf8.count)) + Array(field.utf8)
        }
        #expect(AuditChain.link(previous: previous, chain: chain, sequence: 5, event: event) == KeyedHash.digest(message, length: 32))
    }

    /// The verifier hashes rows from their stored bytes; non-ASCII text must hash as its UTF-8.
    @Test func borrowedBytesHashLikeStrings() {
        let umlauts = AuditEvent(at: "2026-11-21T09:14:03Z", actor: "jürgen.öztürk", actionName: "case.viewed", subject: "ß")
        let expected = AuditChain.link(previous: previous, chain: chain, sequence: 9, event: umlauts)
        var output = [UInt8](repeating: 0, count: 32)
        let fields = [umlauts.at, umlauts.actor, umlauts.action, umlauts.subject].map { Array($0.utf8) }
        fields[0].withUnsafeBytes { at in
            fields[1].withUnsafeBytes { actor in
                fields[2].withUnsafeBytes { action in
                    fields[3].withUnsafeBytes { subject in
                        previous.withUnsafeBytes { previous in
                            output.withUnsafeMutableBytes { output in
                                AuditChain.link(previous: previous, chain: chain, sequence: 9,
                                                event: .init(at: at, actor: actor, action: action, subject: subject), into: output)
                            }
                        }
                    }
                }
            }
        }
        #expect(output == expected)
    }

    /// Fields are length-prefixed: moving text from one field into the next is not the same event.
    @Test func fieldBoundariesAreHashed() {
        let split = AuditEvent(at: "2026", actor: "ab", actionName: "c", subject: "")
        let moved = AuditEvent(at: "2026", actor: "a", actionName: "bc", subject: "")
        let intoSubject = AuditEvent(at: "2026", actor: "ab", actionName: "", subject: "c")
        let hashes = [split, moved, intoSubject].map { AuditChain.link(previous: previous, chain: chain, sequence: 1, event: $0) }
        #expect(Set(hashes).count == 3)
    }

    @Test func reporterEventsCarryOnlyTheDay() throws {
        let day = try #require(Day(iso: "2026-11-21"))
        let event = AuditEvent.reporter(.reportReceived, "abcd", on: day)
        #expect(event.at == "2026-11-21")
        #expect(event.actor == "reporter")
        #expect(event.action == "report.received")
        let member = AuditEvent.member("margarete", .login, at: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(member.at.count == 20 && member.at.hasSuffix("Z"), "\(member.at)")
        #expect(member.at == "2026-11-18T11:06:40Z")
    }
}

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
        entries[6] = AuditEntry(sequence: 7, event: AuditEvent(at: original.event.at, actor: original.event.actor,
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
        let renumbered = entries.enumerated().map { AuditEntry(sequence: UInt64($0.offset + 1), event: $0.element.event, hash: $0.element.hash) }
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
        let eighth = entries[7], ninth = entries[8]
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
        entries.append(AuditEntry(sequence: 11, event: forged,
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
        #expect(verdict(chain.entries, chain: chain.id, key: key, head: chain.head(), anchor: chain.head()) == .intact(count: 20),
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
        entries[4] = AuditEntry(sequence: 5, event: AuditEvent(at: entries[4].event.at, actor: "someone-else",
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

@Suite("AuditCheckpoint: the file kept outside the server")
struct AuditCheckpointTests {
    @Test func roundTripsThroughJSON() throws {
        let signer = SigningKeyPair()
        let head = TestChain(signer: signer, count: 4).head()
        let checkpoint = AuditCheckpoint(head: head, key: signer.publicKey, writtenAt: Date(timeIntervalSince1970: 1_795_000_000))
        let data = try JSONEncoder().encode(checkpoint)
        let decoded = try JSONDecoder().decode(AuditCheckpoint.self, from: data)
        #expect(decoded == checkpoint)
        #expect(decoded.head == head)
        #expect(decoded.signingKey == signer.publicKey)
        #expect(decoded.writtenAt == "2026-11-18T11:06:40Z")
        #expect(decoded.chain == head.chain.hex)
        #expect(decoded.sequence == 4)
        let restored = try #require(decoded.head)
        let key = try #require(decoded.signingKey)
        #expect(restored.isSigned(by: key))
        // Only the public key is written out.
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains(Data(signer.seed.copyBytes()).base64EncodedString()))
    }

    @Test func aCheckpointFileServesAsAnchor() throws {
        let chain = TestChain(count: 6)
        let checkpoint = AuditCheckpoint(head: chain.head(upTo: 4), key: chain.signer.publicKey)
        let decoded = try JSONDecoder().decode(AuditCheckpoint.self, from: try JSONEncoder().encode(checkpoint))
        let anchor = try #require(decoded.head)
        #expect(verdict(chain.entries, chain: chain.id, key: chain.signer.publicKey, head: chain.head(), anchor: anchor) == .intact(count: 6))
        #expect(isCheckpointFailure(verdict(Array(chain.entries.prefix(3)), chain: chain.id, key: chain.signer.publicKey,
                                            head: chain.head(upTo: 3), anchor: anchor)))
    }

    @Test func aMalformedFileHasNoHead() throws {
        let signer = SigningKeyPair()
        let head = TestChain(signer: signer, count: 2).head()
        let checkpoint = AuditCheckpoint(head: head, key: signer.publicKey)
        var object = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(checkpoint)) as? [String: Any])
        object["chain"] = "not hex"
        let badChain = try JSONDecoder().decode(AuditCheckpoint.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(badChain.head == nil)
        object["chain"] = head.chain.hex
        object["hash"] = "***"
        let badHash = try JSONDecoder().decode(AuditCheckpoint.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(badHash.head == nil)
        object["hash"] = checkpoint.hash
        object["key"] = Data([1, 2, 3]).base64EncodedString()
        let badKey = try JSONDecoder().decode(AuditCheckpoint.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(badKey.signingKey == nil)
        #expect(badKey.head == head)
    }
}
