import Testing

@testable import Sealing

@Suite("SealedBox: anonymous sealing to a public key")
struct SealedBoxTests {
    @Test func sealedBytesOpenWithTheRecipientKeyPair() throws {
        let recipient = BoxKeyPair()
        let message = bytes("case key ‖ mailbox key")
        let sealed = SealedBox.seal(SecureBytes(copying: message), to: recipient.publicKey)

        #expect(sealed.count == message.count + SealedBox.overhead)
        #expect(!sealed.containsSubsequence(message))
        let opened = try SealedBox.open(sealed, with: recipient)
        #expect(opened.copyBytes() == message)
    }

    @Test func anEmptyPlaintextRoundTrips() throws {
        let recipient = BoxKeyPair()
        let sealed = SealedBox.seal(SecureBytes(count: 0), to: recipient.publicKey)
        #expect(try SealedBox.open(sealed, with: recipient).count == 0)
    }

    @Test func anotherKeyPairCannotOpen() {
        let recipient = BoxKeyPair()
        let stranger = BoxKeyPair()
        let sealed = SealedBox.seal(secret("for the office only"), to: recipient.publicKey)
        #expect(throws: SealingError.authenticationFailed) {
            try SealedBox.open(sealed, with: stranger)
        }
    }

    @Test func aFlippedByteAnywhereIsRefused() {
        let recipient = BoxKeyPair()
        let sealed = SealedBox.seal(secret("sealed keys"), to: recipient.publicKey)
        for index in sealed.indices {
            #expect(throws: SealingError.authenticationFailed, "byte \(index) flipped") {
                try SealedBox.open(flipped(sealed, at: index), with: recipient)
            }
        }
    }

    @Test func aTruncatedBoxIsRefusedAsTooShort() {
        let recipient = BoxKeyPair()
        let error = #expect(throws: SealingError.self) {
            try SealedBox.open([UInt8](repeating: 0, count: SealedBox.overhead - 1), with: recipient)
        }
        guard case .invalidLength? = error else {
            Issue.record("expected invalidLength, got \(String(describing: error))")
            return
        }
    }
}
