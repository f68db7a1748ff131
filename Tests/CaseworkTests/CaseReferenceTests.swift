import Testing
@testable import Casework

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
}
