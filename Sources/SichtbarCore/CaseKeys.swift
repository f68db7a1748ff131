import Sealing

/// The two random keys of a case: the mailbox key (shared with the reporter) and the case key
/// (the office's alone). Intake seals both in one `crypto_box_seal` to the office.
public struct CaseKeys: Sendable {
    public let caseKey: SecureBytes
    public let mailboxKey: SecureBytes
    /// Whether the case must carry an authenticator (`CaseIntegrity`). Sealed with the keys as a
    /// trailing marker byte: the operator cannot make a sealed box holding these keys, so a case
    /// sealed with the marker cannot be passed off as one from before authenticators existed.
    public let requiresAuthenticator: Bool

    static let authenticatorMarker: UInt8 = 0x01

    public init(caseKey: SecureBytes, mailboxKey: SecureBytes, requiresAuthenticator: Bool = true) {
        self.caseKey = caseKey
        self.mailboxKey = mailboxKey
        self.requiresAuthenticator = requiresAuthenticator
    }

    public static func generate() -> CaseKeys {
        CaseKeys(
            caseKey: SecureBytes(randomCount: RecordCipher.keyLength),
            mailboxKey: SecureBytes(randomCount: RecordCipher.keyLength))
    }

    /// The same keys, marked as requiring an authenticator (a case's first open after the upgrade).
    public func requiringAuthenticator() -> CaseKeys {
        CaseKeys(caseKey: caseKey, mailboxKey: mailboxKey, requiresAuthenticator: true)
    }

    /// case key ‖ mailbox key (‖ marker) sealed to the office.
    public func seal(to office: BoxPublicKey) -> [UInt8] {
        var parts = [caseKey, mailboxKey]
        if requiresAuthenticator { parts.append(SecureBytes(copying: [Self.authenticatorMarker])) }
        return SealedBox.seal(SecureBytes.concatenating(parts), to: office)
    }

    /// Opens what `seal` made, with the office key pair. 64 bytes are keys sealed before
    /// authenticators existed; 65 carry the marker.
    public static func open(_ sealed: [UInt8], with office: BoxKeyPair) throws -> CaseKeys {
        let both = try SealedBox.open(sealed, with: office)
        let length = 2 * RecordCipher.keyLength
        let marked =
            both.count == length + 1
            && both.withUnsafeBytes { $0[length] } == authenticatorMarker
        guard both.count == length || marked else {
            throw SealingError.invalidLength(what: "case keys", expected: length + 1, actual: both.count)
        }
        return CaseKeys(
            caseKey: both.slice(0..<RecordCipher.keyLength),
            mailboxKey: both.slice(RecordCipher.keyLength..<length), requiresAuthenticator: marked)
    }
}
