import Testing

@testable import Sealing

@Suite("MessageAuthenticator: form tokens under an in-memory key")
struct MessageAuthenticatorTests {
    let authenticator = MessageAuthenticator()
    let message = bytes("form:report|2026-07-01")

    @Test func itsOwnTagVerifies() {
        let tag = authenticator.tag(message)
        #expect(tag.count == MessageAuthenticator.tagLength)
        #expect(authenticator.verify(tag, for: message))
    }

    @Test func aChangedMessageIsRejected() {
        let tag = authenticator.tag(message)
        for index in message.indices {
            #expect(!authenticator.verify(tag, for: flipped(message, at: index)))
        }
        #expect(!authenticator.verify(tag, for: message + [0x20]))
    }

    @Test func aChangedOrShortenedTagIsRejected() {
        let tag = authenticator.tag(message)
        #expect(!authenticator.verify(flipped(tag, at: 0), for: message))
        #expect(!authenticator.verify(flipped(tag, at: tag.count - 1), for: message))
        #expect(!authenticator.verify(Array(tag.dropLast()), for: message))
        #expect(!authenticator.verify([], for: message))
    }

    @Test func anotherInstancesTagsAreRejected() {
        let other = MessageAuthenticator()
        #expect(!authenticator.verify(other.tag(message), for: message))
        #expect(!other.verify(authenticator.tag(message), for: message))
    }
}
