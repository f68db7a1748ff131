import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

@Suite("Signed statistics files")
struct StatFileSigningTests {
    static func sampleFile() throws -> StatFile {
        let period = try #require(StatPeriod("2026-Q3"))
        let table = StatTable(
            name: "faelle_nach_lebensbereich_und_bezirk", unit: "neue_faelle", period: period.range, taxonomy: "3",
            dimensions: ["area", "regierungsbezirk"],
            cells: [
                StatCell(key: ["area": "wohnen", "regierungsbezirk": "arnsberg"], count: 12),
                StatCell(key: ["area": "bildung", "regierungsbezirk": "arnsberg"], count: nil, suppressed: true, primary: true),
                StatCell(key: ["area": "wohnen", "regierungsbezirk": "köln"], count: 7),
                StatCell(key: ["area": "bildung", "regierungsbezirk": "köln"], count: nil, suppressed: true),
            ],
            margins: [StatCell(key: ["area": "wohnen"], count: 19), StatCell(key: [:], count: 311)])
        return StatFile(
            scope: .office, office: "ada-koeln", period: period,
            policy: String(repeating: "ab", count: 32), taxonomy: "3",
            generatedOn: try #require(Day(iso: "2026-10-02")), tables: [table])
    }

    private func bytes(_ file: StatFile) throws -> [UInt8] { try file.serialised() }

    /// The file as JSON text, edited by `change` and written back compactly (as another tool would).
    private func edited(_ bytes: [UInt8], _ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        change(&object)
        return [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    @Test func aSignedFileRoundTrips() throws {
        let key = SigningKeyPair()
        let file = try Self.sampleFile().signed(with: key)
        let signature = try #require(file.signature)
        #expect(signature.alg == "ed25519")
        #expect(Data(base64Encoded: signature.key).map([UInt8].init) == key.publicKey.bytes)
        #expect(signature.key.count == 44 && signature.value.count == 88)  // padded standard base64
        let data = try bytes(file)
        #expect(StatFile.verify(data, key: key.publicKey) == .valid(key: key.publicKey))
        #expect(StatFile.verify(data, key: nil) == .valid(key: key.publicKey))
        #expect(file.verify(key: key.publicKey) == .valid(key: key.publicKey))
        let opened = StatFile.open(data, key: key.publicKey)
        #expect(opened.file == file)
        // What is signed is the file without its signature member, canonically.
        let content = try file.signedContent()
        let text = String(decoding: content, as: UTF8.self)
        #expect(!text.contains("signature") && text.hasPrefix(#"{"generatedOn":"2026-10-02","office":"ada-koeln","period":"2026-Q3""#))
        #expect(key.publicKey.isValidSignature(try #require(Data(base64Encoded: signature.value)).map { $0 }, for: content))
        // Signing twice gives the same bytes (Ed25519 is deterministic, JCS is canonical).
        #expect(try bytes(try Self.sampleFile().signed(with: key)) == data)
    }

    @Test func anotherToolsLayoutStillVerifies() throws {
        let key = SigningKeyPair()
        let data = try bytes(try Self.sampleFile().signed(with: key))
        let object = try JSONSerialization.jsonObject(with: Data(data))
        let pretty = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]))
        #expect(pretty != data)
        #expect(StatFile.verify(pretty, key: key.publicKey) == .valid(key: key.publicKey))
        // A member moved to the end, whitespace, escaped non-ASCII, "12.0" for 12: the same values.
        var text = String(decoding: data, as: UTF8.self)
        text = text.replacingOccurrences(of: "köln", with: "k\\u00f6ln")
            .replacingOccurrences(of: #""count":12,"#, with: #""count" : 12.0 ,"#)
            .replacingOccurrences(of: #"{"generatedOn":"2026-10-02","#, with: "{\n  ")
        #expect(text.removeLast() == "}")
        text += ",\n  \"generatedOn\": \"2026-10-02\"\n}\n"
        #expect(StatFile.verify(Array(text.utf8), key: key.publicKey) == .valid(key: key.publicKey))
        #expect(StatFile.open(Array(text.utf8), key: key.publicKey).file?.tables.first?.cells.first?.count == 12)
    }

    @Test func anyChangeBreaksTheSignature() throws {
        let key = SigningKeyPair()
        let data = try bytes(try Self.sampleFile().signed(with: key))
        func tables(_ object: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
            guard var list = object["tables"] as? [[String: Any]], var first = list.first else { return }
            change(&first)
            list[0] = first
            object["tables"] = list
        }
        let tampered: [(String, [UInt8])] = [
            (
                "a count",
                try edited(data) {
                    tables(&$0) { table in
                        var cells = table["cells"] as? [[String: Any]] ?? []
                        cells[0]["count"] = 13
                        table["cells"] = cells
                    }
                }
            ),
            (
                "a cell's key",
                try edited(data) {
                    tables(&$0) { table in
                        var cells = table["cells"] as? [[String: Any]] ?? []
                        cells[0]["key"] = ["area": "arbeit", "regierungsbezirk": "arnsberg"]
                        table["cells"] = cells
                    }
                }
            ),
            (
                "a suppressed cell revealed",
                try edited(data) {
                    tables(&$0) { table in
                        var cells = table["cells"] as? [[String: Any]] ?? []
                        cells[1]["count"] = 3
                        table["cells"] = cells
                    }
                }
            ),
            ("a table's name", try edited(data) { tables(&$0) { $0["name"] = "faelle_nach_bezirk" } }),
            ("the period", try edited(data) { $0["period"] = "2026-Q4" }),
            ("the office", try edited(data) { $0["office"] = "ada-bonn" }),
            ("an added member", try edited(data) { $0["note"] = "vorläufig" }),
            ("a removed member", try edited(data) { $0["office"] = nil }),
            (
                "a member added to a cell",
                try edited(data) {
                    tables(&$0) { table in
                        var cells = table["cells"] as? [[String: Any]] ?? []
                        cells[0]["primary"] = true
                        table["cells"] = cells
                    }
                }
            ),
            (
                "a reordered table",
                try edited(data) {
                    tables(&$0) { table in
                        table["cells"] = Array((table["cells"] as? [[String: Any]] ?? []).reversed())
                    }
                }
            ),
        ]
        for (what, bytes) in tampered {
            #expect(StatFile.verify(bytes, key: key.publicKey) == .badSignature, "\(what)")
            #expect(StatFile.open(bytes, key: nil).file == nil, "\(what)")
        }
    }

    @Test func theSignatureMemberIsChecked() throws {
        let key = SigningKeyPair()
        let other = SigningKeyPair()
        let file = try Self.sampleFile().signed(with: key)
        let data = try bytes(file)
        #expect(StatFile.verify(data, key: other.publicKey) == .keyMismatch)
        #expect(StatFile.verify(try bytes(Self.sampleFile()), key: key.publicKey) == .unsigned)
        // Someone re-signs a changed file with their own key: intact, but not the expected signer.
        var forged = file
        forged.tables[0].cells[0].count = 99
        let forgedBytes = try bytes(try forged.signed(with: other))
        #expect(StatFile.verify(forgedBytes, key: key.publicKey) == .keyMismatch)
        #expect(StatFile.verify(forgedBytes, key: nil) == .valid(key: other.publicKey))
        // The key swapped inside the signature member without re-signing.
        let swappedKey = try edited(data) { object in
            object["signature"] = ["alg": "ed25519", "key": StatSignature.encode(other.publicKey), "value": file.signature?.value ?? ""]
        }
        #expect(StatFile.verify(swappedKey, key: nil) == .badSignature)
        let wrongAlg = try edited(data) { object in
            object["signature"] = ["alg": "rsa", "key": file.signature?.key ?? "", "value": file.signature?.value ?? ""]
        }
        #expect(StatFile.verify(wrongAlg, key: key.publicKey) == .wrongAlgorithm)
        let malformedSignatures: [Any] = [
            "abc", NSNull(), ["alg": "ed25519"], ["alg": "ed25519", "key": file.signature?.key ?? "", "value": 5],
            ["alg": "ed25519", "key": "AAAA", "value": file.signature?.value ?? ""],
            ["alg": "ed25519", "key": file.signature?.key ?? "", "value": "AAAA"],
            ["alg": "ed25519", "key": file.signature?.key ?? "", "value": file.signature?.value ?? "", "extra": 1],
            // base64url instead of standard base64 (same bytes, other alphabet, no padding)
            ["alg": "ed25519", "key": Base64URL.encode(key.publicKey.bytes), "value": file.signature?.value ?? ""],
        ]
        for signature in malformedSignatures {
            let bytes = try edited(data) { $0["signature"] = signature }
            guard case .malformed = StatFile.verify(bytes, key: key.publicKey) else {
                Issue.record("\(signature) was not refused as malformed")
                continue
            }
        }
        for broken in ["", "[]", "{\"signature\": 1", "{\"a\":1,\"a\":1}"] {
            guard case .malformed = StatFile.verify(Array(broken.utf8), key: nil) else {
                Issue.record("\(broken) was not refused as malformed")
                continue
            }
        }
    }

    @Test func aSignedObjectThatIsNoStatisticsFileIsMalformed() throws {
        let key = SigningKeyPair()
        let content = try CanonicalJSON.canonicalise(Array(#"{"scope":"office","period":"2026-03"}"#.utf8))
        let signature = StatSignature(signing: content, with: key)
        let bytes = Array(
            #"{"scope":"office","period":"2026-03","signature":{"alg":"ed25519","key":"\#(signature.key)","value":"\#(signature.value)"}}"#
                .utf8)
        let opened = StatFile.open(bytes, key: key.publicKey)
        #expect(opened.file == nil)
        guard case .malformed = opened.verdict else {
            Issue.record("expected malformed, got \(opened.verdict)")
            return
        }
    }
}
