import Sealing

/// The keys made when an office is set up: its key pair, its statistics key and its recovery
/// code, with the secrets sealed to the recovery key. Nothing here is stored in clear.
public struct OfficeKeys: Sendable {
    public let keyPair: BoxKeyPair
    public let statisticsKey: SecureBytes
    public let recoveryCode: RecoveryCode
    public let recoveryPublicKey: BoxPublicKey

    public static func generate() throws -> OfficeKeys {
        let recovery = RecoveryCode.generate()
        return OfficeKeys(
            keyPair: BoxKeyPair(), statisticsKey: SecureBytes(randomCount: RecordCipher.keyLength),
            recoveryCode: recovery, recoveryPublicKey: try recovery.keyPair().publicKey)
    }

    /// The same keys as the secrets of key version 1.
    public var secrets: OfficeSecrets {
        OfficeSecrets(version: 1, keyPair: keyPair, statisticsRing: statisticsKey)
    }

    /// The office secret key and the statistics key sealed to one recipient (member or recovery).
    public func seals(to recipient: BoxPublicKey, recipientName: String, version: UInt32) -> [OfficeKeySeal] {
        [
            OfficeKeySeal(
                recipient: recipientName, purpose: .officeSecret, keyVersion: version,
                sealed: SealedBox.seal(keyPair.secretKey, to: recipient)),
            OfficeKeySeal(
                recipient: recipientName, purpose: .statistics, keyVersion: version,
                sealed: SealedBox.seal(statisticsKey, to: recipient)),
        ]
    }
}

/// One office secret sealed to one recipient.
public struct OfficeKeySeal: Sendable, Equatable {
    public enum Purpose: String, Sendable, CaseIterable {
        case officeSecret = "office_secret"
        case statistics
    }

    /// `recovery`, or a member id in hex.
    public let recipient: String
    public let purpose: Purpose
    public let keyVersion: UInt32
    public let sealed: [UInt8]

    public init(recipient: String, purpose: Purpose, keyVersion: UInt32, sealed: [UInt8]) {
        self.recipient = recipient
        self.purpose = purpose
        self.keyVersion = keyVersion
        self.sealed = sealed
    }
}
