import Foundation
import SichtbarTesting
import Testing

@testable import Sealing
@testable import SichtbarCore

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
        #expect(
            verdict(chain.entries, chain: chain.id, key: chain.signer.publicKey, head: chain.head(), anchor: anchor) == .intact(count: 6))
        #expect(
            isCheckpointFailure(
                verdict(
                    Array(chain.entries.prefix(3)), chain: chain.id, key: chain.signer.publicKey,
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
