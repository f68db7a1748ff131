import Foundation
import Testing

@testable import Sealing

@Suite("PassphraseWrap: a member secret under Argon2id of a passphrase")
struct PassphraseWrapTests {
    let memberSecret = SecureBytes(randomCount: 32)

    @Test func theRightPassphraseUnwraps() throws {
        let wrap = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        let unwrapped = try wrap.unwrap(passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        #expect(unwrapped.constantTimeEquals(memberSecret))
        #expect(!wrap.sealed.containsSubsequence(memberSecret.copyBytes()))
    }

    @Test func aWrongPassphraseFailsAuthentication() throws {
        let wrap = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        #expect(throws: SealingError.authenticationFailed) {
            try wrap.unwrap(passphrase: secret("Kaffee-Tasse-Ruhrpott-8"))
        }
    }

    @Test func theWrapUsesAtLeastTheInteractiveCostAndAFreshSalt() throws {
        let first = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        let second = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        #expect(first.opsLimit >= PassphraseWrap.Cost.interactive.opsLimit)
        #expect(first.memLimit >= PassphraseWrap.Cost.interactive.memLimit)
        #expect(first.salt != second.salt)
        #expect(first.sealed != second.sealed)
    }

    @Test func aStoredWrapSurvivesAJSONRoundTrip() throws {
        let wrap = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        let json = try JSONEncoder().encode(wrap)
        let decoded = try JSONDecoder().decode(PassphraseWrap.self, from: json)
        #expect(decoded == wrap)
        #expect(try decoded.unwrap(passphrase: secret("Kaffee-Tasse-Ruhrpott-7")).constantTimeEquals(memberSecret))
    }

    @Test func aCostBelowTheInteractiveLimitsIsRefused() throws {
        let cheap = PassphraseWrap.Cost(opsLimit: 1, memLimit: 8192)
        let error = #expect(throws: SealingError.self) {
            try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"), cost: cheap)
        }
        guard case .operationFailed? = error else {
            Issue.record("expected operationFailed, got \(String(describing: error))")
            return
        }
    }

    @Test func aStoredWrapWhoseCostWasLoweredIsRefused() throws {
        let wrap = try PassphraseWrap.wrap(memberSecret, passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        let lowered = PassphraseWrap(salt: wrap.salt, opsLimit: 1, memLimit: wrap.memLimit, sealed: wrap.sealed)
        #expect(throws: SealingError.self) {
            try lowered.unwrap(passphrase: secret("Kaffee-Tasse-Ruhrpott-7"))
        }
    }
}
