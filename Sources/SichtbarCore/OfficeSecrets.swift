import Sealing

/// What a member of an office holds once unlocked: the office key pair of one key version and
/// the statistics key ring — every statistics key the office ever had, oldest first, 32 bytes
/// each — so facets written under an earlier key stay readable after a rotation.
public final class OfficeSecrets: Sendable {
    public let version: UInt32
    public let keyPair: BoxKeyPair
    public let statisticsRing: SecureBytes

    public init(version: UInt32, keyPair: BoxKeyPair, statisticsRing: SecureBytes) {
        self.version = version
        self.keyPair = keyPair
        self.statisticsRing = statisticsRing
    }

    /// Opens the two seals of one recipient.
    public convenience init(version: UInt32, officeSecretSeal: [UInt8], statisticsSeal: [UInt8], with recipient: BoxKeyPair) throws {
        self.init(
            version: version, keyPair: try BoxKeyPair(secretKey: SealedBox.open(officeSecretSeal, with: recipient)),
            statisticsRing: try SealedBox.open(statisticsSeal, with: recipient))
    }

    /// The newest statistics key.
    public var currentStatisticsKey: SecureBytes {
        statisticsRing.slice((statisticsRing.count - RecordCipher.keyLength)..<statisticsRing.count)
    }

    /// The statistics key of office key version `version` (the ring gains one key per rotation),
    /// or nil when the ring has none for it.
    public func statisticsKey(version: UInt32) -> SecureBytes? {
        let length = RecordCipher.keyLength
        let end = Int(version) * length
        guard version >= 1, end <= statisticsRing.count else { return nil }
        return statisticsRing.slice((end - length)..<end)
    }

    /// Both secrets sealed to one recipient (a member's hex id, or `recovery`).
    public func seals(to recipient: BoxPublicKey, recipientName: String) -> [OfficeKeySeal] {
        [
            OfficeKeySeal(
                recipient: recipientName, purpose: .officeSecret, keyVersion: version,
                sealed: SealedBox.seal(keyPair.secretKey, to: recipient)),
            OfficeKeySeal(
                recipient: recipientName, purpose: .statistics, keyVersion: version,
                sealed: SealedBox.seal(statisticsRing, to: recipient)),
        ]
    }

    /// Office secret ‖ ring: what an invitation carries.
    public var combined: SecureBytes { SecureBytes.concatenating([keyPair.secretKey, statisticsRing]) }

    /// Reads what an invitation carried back.
    public convenience init(version: UInt32, combined: SecureBytes) throws {
        let keyLength = RecordCipher.keyLength
        guard combined.count >= 2 * keyLength, combined.count % keyLength == 0 else {
            throw SealingError.invalidLength(what: "office secrets", expected: 2 * keyLength, actual: combined.count)
        }
        self.init(
            version: version, keyPair: try BoxKeyPair(secretKey: combined.slice(0..<keyLength)),
            statisticsRing: combined.slice(keyLength..<combined.count))
    }

    /// The key that tags the key manifest of `version`: derived from that version's statistics
    /// key, so every later ring still checks an earlier manifest.
    public func manifestKey(version: UInt32) -> SecureBytes? {
        guard let statisticsKey = statisticsKey(version: version) else { return nil }
        return SecureBytes(copying: KeyedHash.hash(Array("sichtbar-manifest-key-v1".utf8), key: statisticsKey, length: 32))
    }

    /// A fingerprint of the ring's first key, which no rotation changes. Each member's
    /// passphrase wrap carries it, so a ring the operator made up and sealed to a member (an
    /// anonymous seal proves no sender) is told apart from the office's own.
    public var rootFingerprint: [UInt8] { Self.rootFingerprint(ofRing: statisticsRing) }

    public static func rootFingerprint(ofRing ring: SecureBytes) -> [UInt8] {
        let first = ring.slice(0..<min(RecordCipher.keyLength, ring.count))
        return KeyedHash.hash(Array("sichtbar-office-root-v1".utf8), key: first, length: 32)
    }

    /// The secrets of the next key version: a new key pair and one more statistics key.
    public func rotated() -> OfficeSecrets {
        OfficeSecrets(
            version: version + 1, keyPair: BoxKeyPair(),
            statisticsRing: SecureBytes.concatenating([statisticsRing, SecureBytes(randomCount: RecordCipher.keyLength)]))
    }
}
