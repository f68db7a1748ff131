import Testing

@testable import Sealing

@Suite("SecretBox: wrapping one key under another")
struct SecretBoxTests {
    @Test func sealedBytesOpenWithTheSameKey() throws {
        let key = SecureBytes(randomCount: SecretBox.keyLength)
        let message = bytes("the mailbox key")
        let sealed = try SecretBox.seal(SecureBytes(copying: message), key: key)

        #expect(!sealed.containsSubsequence(message))
        #expect(try SecretBox.open(sealed, key: key).copyBytes() == message)
    }

    @Test func twoSealsOfTheSameSecretDiffer() throws {
        let key = SecureBytes(randomCount: SecretBox.keyLength)
        let first = try SecretBox.seal(secret("same"), key: key)
        let second = try SecretBox.seal(secret("same"), key: key)
        #expect(first != second, "a fresh nonce per seal")
    }

    @Test func anotherKeyCannotOpen() throws {
        let sealed = try SecretBox.seal(secret("wrapped"), key: SecureBytes(randomCount: SecretBox.keyLength))
        #expect(throws: SealingError.authenticationFailed) {
            try SecretBox.open(sealed, key: SecureBytes(randomCount: SecretBox.keyLength))
        }
    }

    @Test func aChangedByteInNonceOrCiphertextIsRefused() throws {
        let key = SecureBytes(randomCount: SecretBox.keyLength)
        let sealed = try SecretBox.seal(secret("do not touch"), key: key)
        for index in sealed.indices {
            #expect(throws: SealingError.authenticationFailed, "byte \(index) flipped") {
                try SecretBox.open(flipped(sealed, at: index), key: key)
            }
        }
    }

    @Test func aTruncatedBoxIsRefused() throws {
        let key = SecureBytes(randomCount: SecretBox.keyLength)
        let sealed = try SecretBox.seal(secret("x"), key: key)
        #expect(throws: SealingError.authenticationFailed) {
            try SecretBox.open(Array(sealed.dropLast()), key: key)
        }
        let error = #expect(throws: SealingError.self) {
            try SecretBox.open(Array(sealed.prefix(10)), key: key)
        }
        guard case .invalidLength? = error else {
            Issue.record("expected invalidLength, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: [0, 16, 31, 33, 64])
    func aKeyOfTheWrongLengthThrowsInvalidLength(length: Int) throws {
        let wrongKey = SecureBytes(randomCount: length)
        let sealError = #expect(throws: SealingError.self) {
            try SecretBox.seal(secret("x"), key: wrongKey)
        }
        guard case .invalidLength(_, let expected, let actual)? = sealError else {
            Issue.record("seal: expected invalidLength, got \(String(describing: sealError))")
            return
        }
        #expect(expected == SecretBox.keyLength)
        #expect(actual == length)

        let sealed = try SecretBox.seal(secret("x"), key: SecureBytes(randomCount: SecretBox.keyLength))
        let openError = #expect(throws: SealingError.self) {
            try SecretBox.open(sealed, key: wrongKey)
        }
        guard case .invalidLength(_, SecretBox.keyLength, length)? = openError else {
            Issue.record("open: expected invalidLength, got \(String(describing: openError))")
            return
        }
    }
}
