/// The rules a member's passphrase must meet; returns a verdict with its reason instead of throwing.
public struct PassphrasePolicy: Sendable {
    public enum Verdict: Sendable, Equatable {
        case acceptable
        case rejected(reason: String)
    }

    public static let minimumLength = 12

    /// Well-known passphrases and keyboard walks that meet the length but not the purpose.
    static let denyList: Set<String> = [
        "passwort1234", "password1234", "123456789012", "1234567890123", "qwertzuiop12", "qwertyuiop12",
        "passwortpasswort", "passwordpassword", "hallohallo12", "sommer2026!!", "winter2026!!",
        "beratung1234", "diskriminierung", "antidiskriminierung", "sichtbar1234", "sichtbarsichtbar",
        "letmeinletmein", "iloveyou1234", "abcdefghijkl", "adminadmin12", "willkommen123", "welcome12345",
    ]

    public init() {}

    public func check(_ passphrase: String, username: String? = nil) -> Verdict {
        let characters = Array(passphrase)
        guard characters.count >= Self.minimumLength else {
            return .rejected(reason: "a passphrase needs at least \(Self.minimumLength) characters")
        }
        let lowered = passphrase.lowercased()
        if Self.denyList.contains(lowered) {
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
}
