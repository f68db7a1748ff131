import SichtbarTesting
import Testing

@testable import SichtbarCore

@Suite("CaseReference: sayable on the phone, read back forgivingly")
struct CaseReferenceTests {
    @Test func isEightSymbolsFromTheIdsFirstFortyBits() throws {
        let id = try #require(EntityID(bytes: [0x00, 0x44, 0x32, 0x14, 0xC7] + [UInt8](repeating: 0xAB, count: 11)))
        // 00000 00001 00010 00011 00100 00101 00110 00111 → 0 1 2 3 4 5 6 7
        #expect(CaseReference.of(id) == "0123-4567")
        #expect(CaseReference.prefix(of: "0123-4567") == [0x00, 0x44, 0x32, 0x14, 0xC7])
    }

    @Test func roundTripsAndToleratesHowPeopleTypeIt() throws {
        for _ in 0..<500 {
            let id = EntityID.random()
            let reference = CaseReference.of(id)
            #expect(reference.count == 9)
            #expect(CaseReference.prefix(of: reference) == Array(id.bytes.prefix(5)))
            let sloppy = reference.lowercased().replacingOccurrences(of: "-", with: " ")
                .replacingOccurrences(of: "0", with: "o").replacingOccurrences(of: "1", with: "l")
            #expect(CaseReference.prefix(of: sloppy) == Array(id.bytes.prefix(5)), "\(sloppy)")
        }
    }

    @Test func refusesWhatIsNotAReference() {
        for text in ["", "0123-456", "0123-45678", "0123-456U", "ground", "0123_4567"] {
            #expect(CaseReference.prefix(of: text) == nil, "\(text)")
        }
    }

    /// Issue 15, item 8: a reference's start finds its case, in any case; the range holds exactly
    /// the ids whose reference starts so (checked against random ids, on both sides of the ends).
    @Test func aStartOfFourToEightSymbolsNamesARangeOfIDs() throws {
        func inside(_ id: EntityID, _ range: (lower: [UInt8], upper: [UInt8]?)) -> Bool {
            id.bytes.lexicographicallyPrecedes(range.lower) == false
                && (range.upper.map { id.bytes.lexicographicallyPrecedes($0) } ?? true)
        }
        for _ in 0..<300 {
            let id = EntityID.random()
            let other = EntityID.random()
            let reference = CaseReference.of(id)
            for length in [4, 5, 7, 9] {
                let start = String(reference.prefix(length))
                let range = try #require(CaseReference.ids(startingWith: start.lowercased()), "\(start)")
                #expect(inside(id, range), "\(start) misses \(reference)")
                let otherStarts = CaseReference.of(other).replacingOccurrences(of: "-", with: "")
                    .hasPrefix(start.replacingOccurrences(of: "-", with: ""))
                #expect(inside(other, range) == otherStarts, "\(start) and \(CaseReference.of(other))")
            }
        }
        #expect(CaseReference.ids(startingWith: "KZ6") == nil, "three symbols are too few")
        #expect(CaseReference.ids(startingWith: "KZ6M-JJQQ-X") == nil, "more than a reference")
        #expect(CaseReference.ids(startingWith: "ZZZZ-ZZZZ")?.upper == nil, "the last references have no upper end")
        let first = try #require(CaseReference.ids(startingWith: "0000"))
        #expect(first.lower == [UInt8](repeating: 0, count: 16))
        #expect(first.upper == [0x00, 0x00, 0x10] + [UInt8](repeating: 0, count: 13), "20 bits fixed: the next start is 2^108 on")
    }
}
