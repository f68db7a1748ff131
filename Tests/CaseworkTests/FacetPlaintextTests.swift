import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

@testable import Casework

/// The sealed classification's plaintext (issue 18): the binary format pinned byte for byte, the
/// JSON of before still opening, and a decoder that refuses garbled bytes instead of trapping.
@Suite struct FacetPlaintextTests {
    static let classification = CaseClassification(
        taxonomy: "1", month: "2026-03", kind: "beratungsfall", codes: ["ground": ["antimuslimisch", "lebensalter"], "area": ["arbeit"]],
        flags: ["mehrdimensional"], region: "05315", closedMonth: "2026-05", outcome: "kurzberatung", interventions: ["beschwerdebrief"])

    /// `classification` in binary: format 1, then taxonomy, month, kind, the facets by key
    /// (`area` before `ground`), flags, region, closing month, outcome, interventions.
    static let binary = hex(
        "01" + "0131" + "07323032362d3033" + "0d6265726174756e677366616c6c"
            + "02" + "0461726561" + "01" + "06617262656974"
            + "0667726f756e64" + "02" + "0e616e74696d75736c696d69736368" + "0b6c6562656e73616c746572"
            + "01" + "0f6d65687264696d656e73696f6e616c"
            + "01" + "053035333135" + "01" + "07323032362d3035" + "01" + "0c6b75727a6265726174756e67"
            + "01" + "0f626573636877657264656272696566")

    /// A plaintext the JSON sealing of before wrote (taken from Foundation's JSONEncoder on
    /// Linux, whose key order follows the process's hash seed): closing facts present.
    static let json =
        Array(
            #"{"interventions":["beschwerdebrief"],"region":"05315","taxonomy":"1","month":"2026-03","#.utf8)
        + Array(#""codes":{"ground":["antimuslimisch","lebensalter"]},"flags":["mehrdimensional"],"kind":"beratungsfall","#.utf8)
        + Array(#""closedMonth":"2026-05","outcome":"kurzberatung"}"#.utf8)
    static let jsonClassification = CaseClassification(
        taxonomy: "1", month: "2026-03", kind: "beratungsfall", codes: ["ground": ["antimuslimisch", "lebensalter"]],
        flags: ["mehrdimensional"], region: "05315", closedMonth: "2026-05", outcome: "kurzberatung", interventions: ["beschwerdebrief"])

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> CaseClassification {
        try bytes.withUnsafeBytes { try FacetPlaintext.decode($0) }
    }

    @Test func theBinaryFormatIsPinnedByteForByte() throws {
        #expect(FacetPlaintext.binary(Self.classification) == Self.binary)
        #expect(try Self.decode(Self.binary) == Self.classification)
        let bare = CaseClassification(taxonomy: "1", month: "2025-11", kind: "meldung", codes: [:], flags: [], region: nil)
        #expect(FacetPlaintext.binary(bare) == Self.hex("01013107323032352d3131076d656c64756e67000000000000"))
        #expect(try Self.decode(FacetPlaintext.binary(bare)) == bare)
    }

    @Test func theJSONOfBeforeIsPinnedAndStillDecodes() throws {
        #expect(try Self.decode(Array(JSONEncoder().encode(Self.jsonClassification))) == Self.jsonClassification)
        #expect(try Self.decode(Self.json) == Self.jsonClassification)
        // Sealed before closing facts were kept: they decode as none.
        let older = Array(#"{"taxonomy":"1","month":"2024-02","kind":"meldung","codes":{},"flags":[]}"#.utf8)
        #expect(
            try Self.decode(older)
                == CaseClassification(taxonomy: "1", month: "2024-02", kind: "meldung", codes: [:], flags: [], region: nil))
        #expect(throws: FacetPlaintextError.invalidJSON) { try Self.decode(Array(#"{"taxonomy":"1"}"#.utf8)) }
        #expect(throws: FacetPlaintextError.unknownFormat(2)) { try Self.decode([2, 0]) }
        #expect(throws: FacetPlaintextError.empty) { try Self.decode([]) }
    }

    @Test func bothFormatsSealOpenAndSearchAlike() throws {
        let key = SecureBytes(randomCount: RecordCipher.keyLength)
        let office = EntityID.random()
        let binary = try FacetCodec.seal(Self.jsonClassification, officeID: office, keyVersion: 1, key: key)
        let json = try FacetCodec.seal(
            plaintext: Self.json, month: "2026-03", officeID: office, id: .random(), keyVersion: 1, key: key)
        for sealed in [binary, json] {
            #expect(try FacetCodec.open(sealed, officeID: office, key: key) == Self.jsonClassification)
            #expect(try FacetCodec.names("lebensalter", in: sealed, officeID: office, key: key))
            #expect(try FacetCodec.names(anyOf: ["wohnen", "05315"], in: sealed, officeID: office, key: key))
            #expect(try !FacetCodec.names(anyOf: ["wohnen", "arbeit", "lebens"], in: sealed, officeID: office, key: key))
            // Padded to the record block as before: the length tells the block, not the codes.
            #expect((sealed.ciphertext.count - 24 - 16) % RecordCipher.defaultBlockSize == 0)
        }
        #expect(try FacetCodec.openNotingFormat(binary, officeID: office, key: key).binary)
        #expect(try !FacetCodec.openNotingFormat(json, officeID: office, key: key).binary)
        #expect(binary.ciphertext.count == json.ciphertext.count, "both pad to one 256-byte block")
        #expect(throws: SealingError.authenticationFailed) {
            _ = try FacetCodec.open(
                SealedFacets(id: binary.id, month: "2026-04", keyVersion: 1, ciphertext: binary.ciphertext), officeID: office, key: key)
        }
    }

    @Test func randomClassificationsRoundTrip() throws {
        var random = RandomClassifications(seed: 18)
        for round in 0..<2_000 {
            var classification = random.next()
            if round % 50 == 0 {
                // Lengths past one varint byte, and text beyond ASCII.
                classification = CaseClassification(
                    taxonomy: String(repeating: "ü", count: 200), month: classification.month, kind: "", codes: ["": [""]],
                    flags: Array(repeating: "ß", count: 130), region: "", closedMonth: nil, outcome: "", interventions: [])
            }
            #expect(try Self.decode(FacetPlaintext.binary(classification)) == classification)
        }
    }

    /// Garbled plaintexts: every cut is refused; flipped, inserted, dropped and random bytes are
    /// refused or decode to something that encodes again, and none traps or reads past its end.
    @Test func garbledPlaintextsAreRefusedNeverTrapped() throws {
        var random = RandomClassifications(seed: 7)
        var rng = SplitMix64(seed: 20_000)
        let valid = (0..<64).map { _ in FacetPlaintext.binary(random.next()) } + [Self.binary]
        var refused = 0
        for round in 0..<20_000 {
            var bytes = valid[Int.random(in: 0..<valid.count, using: &rng)]
            switch round % 5 {
            case 0:
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
                #expect(throws: FacetPlaintextError.self) { try Self.decode(bytes) }
            case 1:
                for _ in 0...Int.random(in: 0...3, using: &rng) {
                    bytes[Int.random(in: 1..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 1...bytes.count, using: &rng))
            case 3: bytes.remove(at: Int.random(in: 1..<bytes.count, using: &rng))
            default: bytes = [1] + (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            do {
                let decoded = try Self.decode(bytes)
                #expect(try Self.decode(FacetPlaintext.binary(decoded)) == decoded)
            } catch is FacetPlaintextError {
                refused += 1
            }
        }
        #expect(refused > 10_000)
        // Lengths and counts that promise more than is there.
        for bytes: [UInt8] in [
            [1, 0xff, 0xff, 0xff, 0xff, 0x0f], [1, 0x80, 0x00], [1, 0x05, 0x31], [1, 0x01, 0xff, 0x00], [1, 0x01, 0x31, 0x01, 0x31],
        ] {
            #expect(throws: FacetPlaintextError.self) { try Self.decode(bytes) }
        }
    }
}
