import Testing

@testable import Sealing

@Suite struct HexTests {
    @Test func bytesRoundTripThroughLowerCaseHex() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa0, 0xff, 0x7e]
        #expect(Hex.encode(bytes) == "000fa0ff7e")
        #expect(Hex.decode("000fa0ff7e") == bytes)
        #expect(Hex.decode("000FA0FF7E") == bytes, "upper case, as SQLite's hex() prints it")
        #expect(Hex.decode("") == [])
    }

    @Test func anythingButPairsOfHexDigitsIsRefused() {
        #expect(Hex.decode("abc") == nil, "an odd count")
        #expect(Hex.decode("0g") == nil)
        #expect(Hex.decode("0 ") == nil)
        #expect(Hex.decode("ää") == nil)
    }
}
