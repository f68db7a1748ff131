import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

@testable import Intake

/// The hand-written plaintext of a report is the JSON object `JSONEncoder` writes (the same keys
/// and values; `JSONEncoder` orders keys by hash, differently in each process), for every
/// character a reporter can type and those they cannot, so old and new records open alike.
@Suite struct ReportContentJSONTests {
    /// Every ASCII character (control characters, quote, backslash, slash among them), letters of
    /// the form's languages, an emoji, a combining mark, and the line and paragraph separators.
    static let alphabet: [Character] =
        (0..<128).compactMap { Unicode.Scalar($0).map(Character.init) }
        + Array("äöüßÄÖÜéçşğıİ قال المؤجر من فضلك Привет ⁨ 🙂 e\u{301} \u{2028}\u{2029}\u{FEFF}")

    static func text<Generator: RandomNumberGenerator>(_ random: inout Generator, maxLength: Int) -> String {
        String((0..<Int.random(in: 0...maxLength, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "x" })
    }

    static func content<Generator: RandomNumberGenerator>(_ random: inout Generator) -> ReportContent {
        func optional(_ value: String) -> String? { Bool.random(using: &random) ? value : nil }
        let day = Day(year: Int.random(in: 1990...2030, using: &random), month: Int.random(in: 1...12, using: &random), day: 28)
        return ReportContent(
            language: text(&random, maxLength: 5), narrative: text(&random, maxLength: 400),
            incidentDate: Bool.random(using: &random) ? day : nil, learnedDate: Bool.random(using: &random) ? day : nil,
            grounds: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random, maxLength: 20) },
            area: optional(text(&random, maxLength: 20)), region: optional(text(&random, maxLength: 8)),
            role: optional(text(&random, maxLength: 12)),
            contactWish: ContactWish.allCases.randomElement(using: &random) ?? .mailbox,
            submittedOn: day ?? Day(Date()))
    }

    /// The two texts as JSON objects, compared by Foundation's own parser.
    static func sameObject(_ written: [UInt8], _ encoded: Data) throws -> Bool {
        let left = try JSONSerialization.jsonObject(with: Data(written)) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        return left != nil && left == right
    }

    @Test func theWriterWritesWhatJSONEncoderWrites() throws {
        var random = SplitMix64(seed: 18)
        for _ in 0..<500 {
            let value = Self.content(&random)
            let written = JSONPlaintextWriter.bytes(of: value)
            #expect(try Self.sameObject(written, JSONEncoder().encode(value)), "\(value)")
            #expect(try JSONDecoder().decode(ReportContent.self, from: Data(written)) == value)
            let contact = ContactDetails(text: Self.text(&random, maxLength: 60))
            #expect(try Self.sameObject(JSONPlaintextWriter.bytes(of: contact), JSONEncoder().encode(contact)))
            #expect(try JSONDecoder().decode(ContactDetails.self, from: Data(JSONPlaintextWriter.bytes(of: contact))) == contact)
        }
    }

    /// With every optional field present, so a field added to `ReportContent` but not to its
    /// writer shows up as a difference here.
    @Test func everyFieldIsWritten() throws {
        let day = try #require(Day(iso: "2026-12-07"))
        let value = ReportContent(
            language: "de", narrative: "Er sagte \"nein\" / \\ \n\t\u{1}", incidentDate: day, learnedDate: day,
            grounds: ["a", "b"], area: "wohnen", region: "05913", role: "betroffen", contactWish: .contact, submittedOn: day)
        #expect(
            String(decoding: JSONPlaintextWriter.bytes(of: value), as: UTF8.self)
                == #"{"language":"de","narrative":"Er sagte \"nein\" \/ \\ \n\t\u0001","incidentDate":"2026-12-07","#
                + #""learnedDate":"2026-12-07","grounds":["a","b"],"area":"wohnen","region":"05913","role":"betroffen","#
                + #""contactWish":"contact","submittedOn":"2026-12-07"}"#)
        #expect(try Self.sameObject(JSONPlaintextWriter.bytes(of: value), JSONEncoder().encode(value)))
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(JSONPlaintextWriter.bytes(of: value))) as? [String: Any]).keys
        #expect(keys.count == Mirror(reflecting: value).children.count, "a field of ReportContent is not written")
    }

    @Test func aSealedReportOpensAsItWasWritten() throws {
        var random = SplitMix64(seed: 7)
        let key = SecureBytes(randomCount: 32)
        for _ in 0..<50 {
            let value = Self.content(&random)
            let record = try RecordCodec.seal(value, kind: .report, caseID: .random(), key: key)
            #expect(try RecordCodec.open(record, as: ReportContent.self, key: key) == value)
        }
    }
}
