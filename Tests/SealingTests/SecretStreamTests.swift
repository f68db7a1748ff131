import Foundation
import Sealing
import Testing

/// The backup stream: chunks round-trip, and a changed, reordered, dropped or appended chunk, a
/// wrong key and a stream cut off before its final chunk are all noticed.
@Suite struct SecretStreamTests {
    static func seal(_ chunks: [[UInt8]], key: SecureBytes) throws -> (header: [UInt8], sealed: [[UInt8]]) {
        let sealer = try SecretStreamSealer(key: key)
        let sealed = chunks.enumerated().map { index, chunk in
            chunk.withUnsafeBytes { sealer.seal($0, final: index == chunks.count - 1) }
        }
        return (sealer.header, sealed)
    }

    let chunks: [[UInt8]] = [Array("Erster Teil".utf8), Array(repeating: 7, count: 70_000), Array("Ende".utf8)]

    @Test func chunksRoundTripAndTheLastOneEndsTheStream() throws {
        let key = SecureBytes(randomCount: SecretStreamSealer.keyCount)
        let (header, sealed) = try Self.seal(chunks, key: key)
        #expect(sealed.map(\.count) == chunks.map { $0.count + SecretStreamSealer.overhead })
        let opener = try SecretStreamOpener(key: key, header: header)
        for (index, chunk) in sealed.enumerated() {
            #expect(!opener.finished)
            #expect(try opener.open(chunk).copyBytes() == chunks[index])
        }
        #expect(opener.finished)
        #expect(throws: SealingError.self, "nothing may follow the final chunk") { try opener.open(sealed[0]) }
    }

    @Test func aChangedChunkIsRefused() throws {
        let key = SecureBytes(randomCount: SecretStreamSealer.keyCount)
        var (header, sealed) = try Self.seal(chunks, key: key)
        sealed[1][500] ^= 1
        let opener = try SecretStreamOpener(key: key, header: header)
        _ = try opener.open(sealed[0])
        #expect(throws: SealingError.authenticationFailed) { try opener.open(sealed[1]) }
    }

    @Test func reorderedOrDroppedChunksAreRefused() throws {
        let key = SecureBytes(randomCount: SecretStreamSealer.keyCount)
        let (header, sealed) = try Self.seal(chunks, key: key)
        let swapped = try SecretStreamOpener(key: key, header: header)
        #expect(throws: SealingError.authenticationFailed) { try swapped.open(sealed[1]) }
        let dropped = try SecretStreamOpener(key: key, header: header)
        _ = try dropped.open(sealed[0])
        #expect(throws: SealingError.authenticationFailed, "the final chunk cannot stand in for the middle one") {
            try dropped.open(sealed[2])
        }
    }

    @Test func aStreamCutBeforeItsFinalChunkIsNotFinished() throws {
        let key = SecureBytes(randomCount: SecretStreamSealer.keyCount)
        let (header, sealed) = try Self.seal(chunks, key: key)
        let opener = try SecretStreamOpener(key: key, header: header)
        _ = try opener.open(sealed[0])
        _ = try opener.open(sealed[1])
        #expect(!opener.finished, "a reader stopping here knows the stream is cut off")
    }

    @Test func anotherKeyOpensNothing() throws {
        let (header, sealed) = try Self.seal(chunks, key: SecureBytes(randomCount: SecretStreamSealer.keyCount))
        let opener = try SecretStreamOpener(key: SecureBytes(randomCount: SecretStreamSealer.keyCount), header: header)
        #expect(throws: SealingError.authenticationFailed) { try opener.open(sealed[0]) }
        #expect(throws: SealingError.self) { try SecretStreamSealer(key: SecureBytes(randomCount: 16)) }
    }
}
