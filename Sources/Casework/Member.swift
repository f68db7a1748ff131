import Sealing

/// A person with a key: counsellor or lead of an office, or analyst of the Verband.
public struct Member: Sendable, Equatable {
    public let id: EntityID
    public let username: String
    /// Nil for analysts, who belong to the Verband, not an office.
    public let officeID: EntityID?
    public let role: MemberRole
    public let publicKey: BoxPublicKey
    /// The member's X25519 secret under Argon2id of their passphrase.
    public let wrappedSecret: PassphraseWrap

    public init(id: EntityID, username: String, officeID: EntityID?, role: MemberRole,
                publicKey: BoxPublicKey, wrappedSecret: PassphraseWrap) {
        self.id = id
        self.username = username
        self.officeID = officeID
        self.role = role
        self.publicKey = publicKey
        self.wrappedSecret = wrappedSecret
    }

    /// A new member with a fresh key pair whose secret is wrapped under `passphrase` (Argon2id,
    /// on the calling thread: for set-up and the command line; the service uses its pool).
    /// Returns the key pair too, so the caller can seal office secrets without unwrapping.
    public static func create(username: String, officeID: EntityID?, role: MemberRole,
                              passphrase: SecureBytes) throws -> (Member, BoxKeyPair) {
        let keyPair = BoxKeyPair()
        return (Member(id: .random(), username: username, officeID: officeID, role: role, publicKey: keyPair.publicKey,
                       wrappedSecret: try PassphraseWrap.wrap(keyPair.secretKey, passphrase: passphrase)), keyPair)
    }

    /// The member's key pair, if `passphrase` is theirs.
    public func unlock(passphrase: SecureBytes) throws -> BoxKeyPair {
        try BoxKeyPair(secretKey: wrappedSecret.unwrap(passphrase: passphrase))
    }
}

public enum MemberRole: String, Sendable, Codable, CaseIterable {
    case counsellor
    case lead
    case analyst
}
