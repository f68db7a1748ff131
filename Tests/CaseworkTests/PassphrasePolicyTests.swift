import Testing
@testable import Casework

@Suite("PassphrasePolicy: what a member passphrase must meet")
struct PassphrasePolicyTests {
    let policy = PassphrasePolicy()

    /// The reason of a rejection, or nil when accepted.
    private func rejectionReason(_ passphrase: String, username: String? = nil) -> String? {
        if case .rejected(let reason) = policy.check(passphrase, username: username) { return reason }
        return nil
    }

    @Test func aGoodPassphraseIsAccepted() {
        #expect(policy.check("Kaffee-Tasse-Ruhrpott-7") == .acceptable)
        #expect(policy.check("Kaffee-Tasse-Ruhrpott-7", username: "margarete") == .acceptable)
        #expect(policy.check("zwölf Zeichen", username: nil) == .acceptable)
    }

    @Test(arguments: ["", "kurz", "Kaffee-Tass"])
    func aPassphraseShorterThanTwelveCharactersIsRejected(passphrase: String) throws {
        let reason = try #require(rejectionReason(passphrase))
        #expect(reason.contains("12"), "\(reason)")
    }

    @Test func twelveCharactersAreCountedAsCharactersNotBytes() {
        // Eleven characters, but more than twelve UTF-8 bytes.
        #expect(rejectionReason("äöüßéèêáàâç") != nil)
        #expect(policy.check("äöüßéèêáàâçñ") == .acceptable)
    }

    @Test(arguments: ["passwort1234", "Passwort1234", "PASSWORD1234", "Antidiskriminierung", "sichtbar1234"])
    func aDenyListedPassphraseIsRejectedInAnyCase(passphrase: String) throws {
        let reason = try #require(rejectionReason(passphrase))
        #expect(reason.contains("commonly used"), "\(reason)")
    }

    @Test(arguments: ["aaaaaaaaaaaaaaaa", "abababababababab", "abcdabcdabcdabcd"])
    func aPassphraseWithFewerThanFiveDistinctCharactersIsRejected(passphrase: String) throws {
        let reason = try #require(rejectionReason(passphrase))
        #expect(reason.contains("five different"), "\(reason)")
    }

    @Test func aPassphraseContainingTheUsernameIsRejected() throws {
        let reason = try #require(rejectionReason("Gruss-von-Margarete-7", username: "margarete"))
        #expect(reason.contains("username"), "\(reason)")
        #expect(rejectionReason("Gruss-von-MARGARETE-7", username: "Margarete") != nil)
    }

    @Test func aVeryShortUsernameIsNotHeldAgainstThePassphrase() {
        #expect(policy.check("Kaffee-Tasse-Ruhrpott-7", username: "ka") == .acceptable)
    }
}
