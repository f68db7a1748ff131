import Foundation
import SichtbarTesting
import Testing

@testable import Sealing
@testable import SichtbarCore

/// A chain built in memory, entry by entry, the way the store appends it.
struct TestChain {
    let id: EntityID
    let signer: SigningKeyPair
    var entries: [AuditEntry] = []

    init(id: EntityID = .random(), signer: SigningKeyPair = SigningKeyPair(), count: Int = 0) {
        self.id = id
        self.signer = signer
        for index in 0..<count {
            append(
                AuditEvent(
                    at: String(format: "2026-11-21T09:%02d:%02dZ", index / 60, index % 60), actor: "lead.\(index % 3)",
                    action: index.isMultiple(of: 2) ? .caseViewed : .login, subject: "subject-\(index)"))
        }
    }

    var lastHash: [UInt8] { entries.last?.hash ?? AuditChain.genesis }

    mutating func append(_ event: AuditEvent) {
        let sequence = UInt64(entries.count + 1)
        entries.append(
            AuditEntry(
                sequence: sequence, event: event,
                hash: AuditChain.link(previous: lastHash, chain: id, sequence: sequence, event: event)))
    }

    /// The signed head over the first `count` entries (all of them by default).
    func head(upTo count: Int? = nil, by key: SigningKeyPair? = nil) -> AuditHead {
        let count = count ?? entries.count
        return AuditHead.signed(
            chain: id, sequence: UInt64(count), hash: count == 0 ? AuditChain.genesis : entries[count - 1].hash,
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
func verdict(
    _ entries: [AuditEntry], chain: EntityID, key: SigningPublicKey, head: AuditHead?,
    anchor: AuditHead? = nil
) -> AuditVerdict {
    var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
    for entry in entries where !verifier.consume(entry) { break }
    return verifier.finish(head: head)
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
            (
                "at",
                AuditChain.link(
                    previous: previous, chain: chain, sequence: 5,
                    event: AuditEvent(at: "2026-11-21T09:14:04Z", actor: event.actor, actionName: event.action, subject: event.subject))
            ),
            (
                "actor",
                AuditChain.link(
                    previous: previous, chain: chain, sequence: 5,
                    event: AuditEvent(at: event.at, actor: "margaretE", actionName: event.action, subject: event.subject))
            ),
            (
                "action",
                AuditChain.link(
                    previous: previous, chain: chain, sequence: 5,
                    event: AuditEvent(at: event.at, actor: event.actor, action: .caseListViewed, subject: event.subject))
            ),
            (
                "subject",
                AuditChain.link(
                    previous: previous, chain: chain, sequence: 5,
                    event: AuditEvent(at: event.at, actor: event.actor, actionName: event.action, subject: "0123abce"))
            ),
            (
                "empty subject",
                AuditChain.link(
                    previous: previous, chain: chain, sequence: 5,
                    event: AuditEvent(at: event.at, actor: event.actor, actionName: event.action, subject: ""))
            ),
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
                                AuditChain.link(
                                    previous: previous, chain: chain, sequence: 9,
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
