import Testing

@testable import Sealing

@Suite("RecoveryCode: the office recovery code and its key pair")
struct RecoveryCodeTests {
    @Test func aRecoveryCodeHasTwentySixSymbols() throws {
        let shape = try Regex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){5}-[0-9A-HJKMNP-TV-Z]{2}$")
        for _ in 0..<100 {
            let formatted = RecoveryCode.generate().formatted
            #expect(RecoveryCode.symbolCount == 26)
            #expect(formatted.filter { $0 != "-" }.count == 26, "\(formatted)")
            #expect(try shape.wholeMatch(in: formatted) != nil, "\(formatted)")
        }
    }

    @Test func parsingTheFormattedCodeGivesItBack() throws {
        let code = RecoveryCode.generate()
        let parsed = try #require(RecoveryCode.parse(code.formatted))
        #expect(parsed.formatted == code.formatted)
        let retyped = try #require(RecoveryCode.parse(code.formatted.lowercased().replacingOccurrences(of: "-", with: " ")))
        #expect(retyped.formatted == code.formatted)
    }

    @Test(arguments: ["", "0123-4567-89AB-CDEF-GHJK-MN-P", "0123-4567-89AB-CDEF-GHJK-M", "0123-4567-89AB-CDEF-GHJK-MU"])
    func malformedCodesAreRefused(text: String) {
        #expect(RecoveryCode.parse(text) == nil)
    }

    @Test func theKeyPairIsDeterministicForTheSameCode() throws {
        let code = RecoveryCode.generate()
        let reparsed = try #require(RecoveryCode.parse(code.formatted))
        let first = try code.keyPair()
        let second = try reparsed.keyPair()
        #expect(first.publicKey == second.publicKey)
        #expect(first.secretKey.constantTimeEquals(second.secretKey))
    }

    @Test func differentCodesGiveDifferentKeyPairs() throws {
        let first = try RecoveryCode.generate().keyPair()
        let second = try RecoveryCode.generate().keyPair()
        #expect(first.publicKey != second.publicKey)
        #expect(!first.secretKey.constantTimeEquals(second.secretKey))
    }

    @Test func whatIsSealedToTheRecoveryKeyOpensWithTheReparsedCode() throws {
        let code = RecoveryCode.generate()
        let sealed = SealedBox.seal(secret("office secret key"), to: try code.keyPair().publicKey)
        let restored = try #require(RecoveryCode.parse(code.formatted)).keyPair()
        #expect(try SealedBox.open(sealed, with: restored).copyBytes() == bytes("office secret key"))
    }
}
