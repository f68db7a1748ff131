import Foundation
import Sealing
import Statistics
import Testing

@Suite("CSV exports with a detached .sig")
struct StatCSVTests {
    @Test func oneRowPerCellAndMarginWithRFC4180Quoting() throws {
        let period = try #require(StatPeriod("2026")).range
        let table = StatTable(
            name: "t", unit: "neue_faelle", period: period, taxonomy: "3", dimensions: ["area", "gruppe"],
            cells: [
                StatCell(key: ["area": "wohnen", "gruppe": "a,b"], count: 12),
                StatCell(key: ["area": "bildung", "gruppe": "say \"hi\""], count: nil, suppressed: true, primary: true),
                StatCell(key: ["area": "zwei\nzeilen", "gruppe": "ü"], count: nil, suppressed: true),
            ],
            margins: [StatCell(key: ["area": "wohnen"], count: 40), StatCell(key: [:], count: 311)])
        let text = String(decoding: table.csv(), as: UTF8.self)
        #expect(
            text == "area,gruppe,count,suppressed\r\n"
                + "wohnen,\"a,b\",12,no\r\n"
                + "bildung,\"say \"\"hi\"\"\",,primary\r\n"
                + "\"zwei\nzeilen\",ü,,secondary\r\n"
                + "wohnen,,40,no\r\n"
                + ",,311,no\r\n")
        let noDimension = StatTable(
            name: "u", unit: "meldungen", period: period, taxonomy: "3", dimensions: [],
            cells: [StatCell(key: [:], count: 5)], margins: [])
        #expect(String(decoding: noDimension.csv(), as: UTF8.self) == "count,suppressed\r\n5,no\r\n")
    }

    /// A field a spreadsheet would run as a formula is written as text: a leading `'`.
    @Test func formulaLikeFieldsAreNeutralised() throws {
        let period = try #require(StatPeriod("2026")).range
        let keys = ["=HYPERLINK(\"http://x\",\"y\")", "+41", "-1", "@SUM(A1)", "\tcmd", "\rcmd", "wohnen", "a=b"]
        let table = StatTable(
            name: "t", unit: "neue_faelle", period: period, taxonomy: "3", dimensions: ["area"],
            cells: keys.map { StatCell(key: ["area": $0], count: 0) }, margins: [StatCell(key: [:], count: 0)])
        let rows = String(decoding: table.csv(), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(rows[1] == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",0,no")
        #expect(rows[2] == "'+41,0,no")
        #expect(rows[3] == "'-1,0,no")
        #expect(rows[4] == "'@SUM(A1),0,no")
        #expect(rows[5] == "'\tcmd,0,no")
        #expect(rows[6] == "\"'\rcmd\",0,no")
        #expect(rows[7] == "wohnen,0,no")
        #expect(rows[8] == "a=b,0,no")
        #expect(rows[9] == ",0,no")
    }

    @Test func theSigCoversTheCSVsExactBytes() throws {
        let key = SigningKeyPair()
        let other = SigningKeyPair()
        let file = try StatFileSigningTests.sampleFile()
        let csv = try #require(file.tables.first).csv()
        let signature = StatSignature(signing: csv, with: key)
        let sig = signature.detachedFileContent
        let sigText = String(decoding: sig, as: UTF8.self)
        #expect(sigText == #"{"alg":"ed25519","key":"\#(signature.key)","value":"\#(signature.value)"}"# + "\n")
        #expect(StatSignature.verifyDetached(csv, signatureFile: sig, key: key.publicKey) == .valid(key: key.publicKey))
        #expect(StatSignature.verifyDetached(csv, signatureFile: sig, key: nil) == .valid(key: key.publicKey))
        // The .sig is JSON: another layout of it is fine.
        let pretty = [UInt8](
            try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data(sig)), options: [.prettyPrinted]))
        #expect(StatSignature.verifyDetached(csv, signatureFile: pretty, key: key.publicKey) == .valid(key: key.publicKey))
        // The CSV is not: one byte changed, LF for CRLF, a trailing newline dropped.
        var changed = csv
        if let position = changed.firstIndex(of: UInt8(ascii: "1")) { changed[position] = UInt8(ascii: "2") }
        #expect(StatSignature.verifyDetached(changed, signatureFile: sig, key: key.publicKey) == .badSignature)
        let unixLines = Array(String(decoding: csv, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        #expect(StatSignature.verifyDetached(unixLines, signatureFile: sig, key: key.publicKey) == .badSignature)
        #expect(StatSignature.verifyDetached(Array(csv.dropLast()), signatureFile: sig, key: key.publicKey) == .badSignature)
        #expect(StatSignature.verifyDetached(csv, signatureFile: sig, key: other.publicKey) == .keyMismatch)
        let wrongAlg = Array(sigText.replacingOccurrences(of: "ed25519", with: "ed448").utf8)
        #expect(StatSignature.verifyDetached(csv, signatureFile: wrongAlg, key: key.publicKey) == .wrongAlgorithm)
        for broken in ["", "{}", "[1]", #"{"alg":"ed25519","key":"x","value":"y"}"#] {
            guard case .malformed = StatSignature.verifyDetached(csv, signatureFile: Array(broken.utf8), key: nil) else {
                Issue.record("\(broken) was not refused as malformed")
                continue
            }
        }
    }
}
