import Sealing

/// The two random keys of a case: the mailbox key (shared with the reporter) and the case key
/// (the office's alone). Intake seals both in one `crypto_box_seal` to the office.
public struct CaseKeys: Sendable {
    public let caseKey: SecureBytes
    public let mailboxKey: SecureBytes

    public static func generate() -> CaseKeys {
        CaseKeys(caseKey: SecureBytes(randomCount: RecordCipher.keyLength),
                 mailboxKey: SecureBytes(randomCount: RecordCipher.keyLength))
    }

    /// case key ‖ mailbox key sealed to the office.
    public func seal(to office: BoxPublicKey) -> [UInt8] {
        SealedBox.seal(SecureBytes.concatenating([caseKey, mailboxKey]), to: office)
    }

    /// Opens what `seal` made, with the office key pair.
    public static func open(_ sealed: [UInt8], with office: BoxKeyPair) throws -> CaseKeys {
        let both = try SealedBox.open(sealed, with: office)
        guard both.count == 2 * RecordCipher.keyLength else {
            throw SealingError.invalidLength(what: "case keys", expected: 2 * RecordCipher.keyLength, actual: both.count)
        }
        return CaseKeys(caseKey: both.slice(0..<RecordCipher.keyLength),
                        mailboxKey: both.slice(RecordCipher.keyLength..<both.count))
    }
}
