import Foundation
import SichtbarCore

/// The rules a member's passphrase must meet; returns a verdict with its reason instead of throwing.
/// The deny-list is `Policies/common-passwords.txt` (at least `minimumListSize` entries), loaded
/// at start-up; `init()` holds only the few built-in German ones, for tests and tools.
public struct PassphrasePolicy: Sendable {
    public enum Verdict: Sendable, Equatable {
        case acceptable
        case rejected(reason: String)
    }

    public static let minimumLength = 12
    /// A shorter list is a packaging mistake, not a policy: the server refuses to start on it.
    public static let minimumListSize = 10_000
    /// The file's name in the policies folder.
    public static let fileName = "common-passwords.txt"

    /// Well-known German passphrases and keyboard walks that meet the length but not the purpose;
    /// always part of the list.
    static let builtIn: Set<String> = [
        "passwort1234", "password1234", "123456789012", "1234567890123", "qwertzuiop12", "qwertyuiop12",
        "passwortpasswort", "passwordpassword", "hallohallo12", "sommer2026!!", "winter2026!!",
        "beratung1234", "diskriminierung", "antidiskriminierung", "sichtbar1234", "sichtbarsichtbar",
        "letmeinletmein", "iloveyou1234", "abcdefghijkl", "adminadmin12", "willkommen123", "welcome12345",
    ]

    /// Lower-cased common passwords.
    let denyList: Set<String>

    /// How many passwords the deny-list holds.
    public var denyListCount: Int { denyList.count }

    public init() {
        denyList = Self.builtIn
    }

    /// A policy over `commonPasswords` (compared without case) and the built-in ones.
    public init(commonPasswords: some Sequence<String>) {
        denyList = Self.builtIn.union(commonPasswords.map { $0.lowercased() })
    }

    /// Reads one password a line; blank lines and lines starting with `#` are skipped. Refuses a
    /// file it cannot read and one with fewer than `minimumListSize` distinct passwords.
    public static func load(from url: URL) throws -> PassphrasePolicy {
        let text = try PolicyNode.text(at: url)
        var passwords = Set<String>()
        for line in text.split(whereSeparator: \.isNewline) {
            let entry = line.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty || entry.hasPrefix("#") { continue }
            passwords.insert(entry.lowercased())
        }
        guard passwords.count >= minimumListSize else {
            throw PolicyError(
                file: url.path, line: nil,
                problem: "holds \(passwords.count) common passwords; the deny-list needs at least \(minimumListSize)")
        }
        return PassphrasePolicy(commonPasswords: passwords)
    }

    public func check(_ passphrase: String, username: String? = nil) -> Verdict {
        let characters = Array(passphrase)
        guard characters.count >= Self.minimumLength else {
            return .rejected(reason: "a passphrase needs at least \(Self.minimumLength) characters")
        }
        let lowered = passphrase.lowercased()
        if isCommon(lowered) {
            return .rejected(reason: "this passphrase is on the list of commonly used ones")
        }
        if Set(characters).count < 5 {
            return .rejected(reason: "a passphrase needs at least five different characters")
        }
        if let username, username.count >= 3, lowered.contains(username.lowercased()) {
            return .rejected(reason: "a passphrase must not contain the username")
        }
        return .acceptable
    }

    /// On the list as it is; or a listed password padded with digits, symbols or spaces
    /// (`dragon123456`, `!!superman!!`); or a listed password typed twice or more (`monkeymonkey`).
    func isCommon(_ lowered: String) -> Bool {
        if denyList.contains(lowered) { return true }
        let padding = CharacterSet.decimalDigits.union(.punctuationCharacters).union(.symbols).union(.whitespaces)
        let core = String(
            String.UnicodeScalarView(
                lowered.unicodeScalars.drop { padding.contains($0) }.reversed().drop { padding.contains($0) }.reversed()))
        if core != lowered, core.count >= 4, denyList.contains(core) { return true }
        return isRepeatedListed(lowered) || isRepeatedListed(core)
    }

    /// `text` is one listed password of three or more characters, written two or more times.
    private func isRepeatedListed(_ text: String) -> Bool {
        let letters = Array(text)
        for length in 3...max(3, letters.count / 2) where letters.count % length == 0 && letters.count / length >= 2 {
            let unit = letters[0..<length]
            let repeated = stride(from: 0, to: letters.count, by: length).allSatisfy { letters[$0..<($0 + length)] == unit }
            if repeated, denyList.contains(String(unit)) { return true }
        }
        return false
    }
}
