import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore

@Suite("EntityID: random 128-bit ids")
struct EntityIDTests {
    @Test func hexRoundTrips() throws {
        for _ in 0..<100 {
            let id = EntityID.random()
            #expect(id.bytes.count == EntityID.byteCount)
            #expect(id.hex.count == 32)
            #expect(id.hex.allSatisfy { "0123456789abcdef".contains($0) }, "\(id.hex)")
            #expect(EntityID(hex: id.hex) == id)
            #expect(EntityID(bytes: id.bytes) == id)
        }
    }

    @Test func aKnownIDPrintsAsLowerCaseHex() throws {
        let id = try #require(EntityID(bytes: Array(0..<16) as [UInt8]))
        #expect(id.hex == "000102030405060708090a0b0c0d0e0f")
        #expect(id.description == id.hex)
        #expect(EntityID(hex: "000102030405060708090A0B0C0D0E0F") == id, "upper case reads the same")
    }

    @Test(arguments: [0, 1, 15, 17, 32])
    func bytesOfTheWrongLengthAreRefused(count: Int) {
        #expect(EntityID(bytes: [UInt8](repeating: 7, count: count)) == nil)
    }

    @Test(arguments: [
        "", "0", "000102030405060708090a0b0c0d0e0", "000102030405060708090a0b0c0d0e0f0",
        "000102030405060708090a0b0c0d0e0f00", "000102030405060708090a0b0c0d0e0g", " 00102030405060708090a0b0c0d0e0f",
        "000102030405060708090a0b0c0d0e0ä",
    ])
    func malformedHexIsRefused(text: String) {
        #expect(EntityID(hex: text) == nil)
    }

    @Test func randomIDsAreDistinct() {
        let ids = Set((0..<10_000).map { _ in EntityID.random() })
        #expect(ids.count == 10_000)
    }

    @Test func anIDRoundTripsThroughJSON() throws {
        let id = EntityID.random()
        let json = try JSONEncoder().encode([id])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(id.hex)\"]")
        #expect(try JSONDecoder().decode([EntityID].self, from: json) == [id])
    }
}
