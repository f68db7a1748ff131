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

    public init(
        id: EntityID, username: String, officeID: EntityID?, role: MemberRole,
        publicKey: BoxPublicKey, wrappedSecret: PassphraseWrap
    ) {
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
    /// `root` is the fingerprint of the office's key ring (`OfficeSecrets.rootFingerprint`), wrapped
    /// with the secret so the member can tell their office's secrets from forged ones.
    public static func create(
        username: String, officeID: EntityID?, role: MemberRole,
        passphrase: SecureBytes, root: [UInt8]? = nil
    ) throws -> (Member, BoxKeyPair) {
        let keyPair = BoxKeyPair()
        return (
            Member(
                id: .random(), username: username, officeID: officeID, role: role, publicKey: keyPair.publicKey,
                wrappedSecret: try PassphraseWrap.wrap(wrapped(keyPair.secretKey, root: root), passphrase: passphrase)), keyPair
        )
    }

    /// What a passphrase wrap holds: the secret key, then the office root fingerprint if any.
    public static func wrapped(_ secretKey: SecureBytes, root: [UInt8]?) -> SecureBytes {
        guard let root else { return secretKey }
        return SecureBytes.concatenating([secretKey, SecureBytes(copying: root)])
    }

    /// The member's key pair, if `passphrase` is theirs.
    public func unlock(passphrase: SecureBytes) throws -> BoxKeyPair {
        try unlockKeys(passphrase: passphrase).keyPair
    }

    /// The key pair and the office root fingerprint the wrap carries (nil in wraps made before
    /// key manifests, which gain one at the member's next login).
    public func unlockKeys(passphrase: SecureBytes) throws -> (keyPair: BoxKeyPair, root: [UInt8]?) {
        let plain = try wrappedSecret.unwrap(passphrase: passphrase)
        let keyLength = 32
        guard plain.count == keyLength || plain.count == 2 * keyLength else {
            throw SealingError.invalidLength(what: "wrapped member secret", expected: keyLength, actual: plain.count)
        }
        let keyPair = try BoxKeyPair(secretKey: plain.slice(0..<keyLength))
        return (keyPair, plain.count == 2 * keyLength ? plain.slice(keyLength..<plain.count).copyBytes() : nil)
    }
}

public enum MemberRole: String, Sendable, Codable, CaseIterable {
    case counsellor
    case lead
    case analyst
}
