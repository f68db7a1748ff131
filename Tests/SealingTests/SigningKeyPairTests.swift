import Testing

@testable import Sealing

@Suite("SigningKeyPair: Ed25519 signatures on audit heads and exports")
struct SigningKeyPairTests {
    let keyPair = SigningKeyPair()
    let message = bytes("audit head 42: 9f2c…")

    @Test func aSignatureVerifiesForItsMessage() {
        let signature = keyPair.sign(message)
        #expect(keyPair.publicKey.isValidSignature(signature, for: message))
    }

    @Test func aChangedMessageFails() {
        let signature = keyPair.sign(message)
        for index in message.indices {
            #expect(!keyPair.publicKey.isValidSignature(signature, for: flipped(message, at: index)))
        }
        #expect(!keyPair.publicKey.isValidSignature(signature, for: message + [0]))
    }

    @Test func aChangedSignatureFails() {
        let signature = keyPair.sign(message)
        for index in signature.indices {
            #expect(!keyPair.publicKey.isValidSignature(flipped(signature, at: index), for: message), "byte \(index)")
        }
        #expect(!keyPair.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        #expect(!keyPair.publicKey.isValidSignature([], for: message))
    }

    @Test func anotherKeyDoesNotVerify() {
        let signature = keyPair.sign(message)
        #expect(!SigningKeyPair().publicKey.isValidSignature(signature, for: message))
    }

    @Test func recreatingFromTheSeedGivesTheSameKey() throws {
        let restored = try SigningKeyPair(seed: SecureBytes(copying: keyPair.seed.copyBytes()))
        #expect(restored.publicKey == keyPair.publicKey)
        #expect(keyPair.publicKey.isValidSignature(restored.sign(message), for: message))
        #expect(restored.publicKey.isValidSignature(keyPair.sign(message), for: message))
    }

    @Test func aSeedOfTheWrongLengthIsRefused() {
        #expect(throws: SealingError.self) {
            try SigningKeyPair(seed: SecureBytes(randomCount: 31))
        }
    }

    @Test func aPublicKeyOfTheWrongLengthIsRefused() throws {
        #expect(throws: SealingError.self) {
            try SigningPublicKey(bytes: Array(keyPair.publicKey.bytes.dropLast()))
        }
        #expect(try SigningPublicKey(bytes: keyPair.publicKey.bytes) == keyPair.publicKey)
    }
}
