import Foundation
import SichtbarTesting
import Testing

@testable import Members
@testable import SichtbarCore

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

/// `Policies/common-passwords.txt` of this repository, found from this file's own path.
private let commonPasswordsURL = Repository.taxonomy.deletingLastPathComponent().appendingPathComponent(PassphrasePolicy.fileName)

@Suite("PassphrasePolicy deny-list: Policies/common-passwords.txt, at least 10,000 entries, loaded at start-up")
struct PassphraseDenyListTests {
    static func temporaryList(_ entries: [String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("common-\(UUID().uuidString).txt")
        try ("# a comment\n\n" + entries.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theShippedListHoldsAtLeastTenThousandPasswordsAndNamesItsLicence() throws {
        let policy = try PassphrasePolicy.load(from: commonPasswordsURL)
        #expect(policy.denyListCount >= 10_000, "\(policy.denyListCount)")
        let header = try String(contentsOf: commonPasswordsURL, encoding: .utf8).prefix(3000)
        #expect(header.contains("zxcvbn") && header.contains("MIT License"), "the source and its licence are noted")
    }

    @Test(arguments: ["1qaz2wsx3edc", "QWERTY123456", "leavemealone", "finalfantasy", "sonyericsson"])
    func aListedPasswordOfTwelveOrMoreIsRejected(passphrase: String) throws {
        let policy = try PassphrasePolicy.load(from: commonPasswordsURL)
        #expect(PassphrasePolicy().check(passphrase) == .acceptable, "the built-in list alone misses it")
        guard case .rejected(let reason) = policy.check(passphrase) else {
            Issue.record("\(passphrase) accepted")
            return
        }
        #expect(reason.contains("commonly used"), "\(reason)")
    }

    @Test(arguments: ["dragon123456", "!!superman!!", "Sonnenschein2026", "monkeymonkey", "schalke04schalke04", "love 12345678"])
    func aListedPasswordPaddedOrRepeatedIsRejected(passphrase: String) throws {
        let policy = try PassphrasePolicy.load(from: commonPasswordsURL)
        #expect(policy.check(passphrase) != .acceptable, "\(passphrase)")
    }

    @Test(arguments: ["Kaffee-Tasse-Ruhrpott-7", "Kompass-Laterne-Ufer-77", "Lindenblüten-Tee am Rhein", "zwölf Zeichen"])
    func realPassphrasesStayAcceptable(passphrase: String) throws {
        let policy = try PassphrasePolicy.load(from: commonPasswordsURL)
        #expect(policy.check(passphrase) == .acceptable, "\(passphrase)")
    }

    @Test func aListUnderTenThousandIsRefusedNamingTheFile() throws {
        let url = try Self.temporaryList((0..<9_999).map { "passwort\($0)" } + ["PASSWORT1"])  // a duplicate without case
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: PolicyError.self) { try PassphrasePolicy.load(from: url) }
        #expect(error.file == url.path)
        #expect(error.problem.contains("9999") && error.problem.contains("10000"), "\(error)")
    }

    @Test func aListOfTenThousandLoadsAndIsUsed() throws {
        let url = try Self.temporaryList((0..<10_000).map { "Geheimwort-Nummer-\($0)" })
        defer { try? FileManager.default.removeItem(at: url) }
        let policy = try PassphrasePolicy.load(from: url)
        #expect(policy.denyListCount == 10_000 + PassphrasePolicy.builtIn.count)
        #expect(policy.check("geheimwort-nummer-4711") != .acceptable, "compared without case")
        #expect(policy.check("passwort1234") != .acceptable, "the built-in ones stay")
    }

    @Test func aMissingListIsRefusedNamingTheFile() throws {
        let missing = commonPasswordsURL.deletingLastPathComponent().appendingPathComponent("no-such-list.txt")
        let error = try #require(throws: PolicyError.self) { try PassphrasePolicy.load(from: missing) }
        #expect(error.file == missing.path)
    }
}
