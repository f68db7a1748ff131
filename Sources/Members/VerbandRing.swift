import Sealing
import SichtbarCore

/// Every Verband secret key there has been, oldest first, 32 bytes each: what is sealed to each
/// analyst. Removing an analyst adds a key, so releases sealed to an earlier key stay readable
/// while new ones go to a key the removed analyst never had.
public final class VerbandRing: Sendable {
    public let ring: SecureBytes
    public let keyPairs: [BoxKeyPair]

    public init(ring: SecureBytes) throws {
        let length = 32
        guard ring.count >= length, ring.count % length == 0 else {
            throw SealingError.invalidLength(what: "Verband key ring", expected: length, actual: ring.count)
        }
        self.ring = ring
        keyPairs = try stride(from: 0, to: ring.count, by: length).map { try BoxKeyPair(secretKey: ring.slice($0..<$0 + length)) }
    }

    /// A new ring of one key, for a new Verband.
    public static func generate() throws -> VerbandRing {
        try VerbandRing(ring: BoxKeyPair().secretKey)
    }

    public var version: UInt32 { UInt32(keyPairs.count) }
    /// The key releases are sealed to now.
    public var current: BoxKeyPair { keyPairs[keyPairs.count - 1] }

    /// The ring with one more key.
    public func rotated() throws -> VerbandRing {
        try VerbandRing(ring: SecureBytes.concatenating([ring, BoxKeyPair().secretKey]))
    }

    /// The fingerprint of the first key, which analysts' passphrase wraps carry (as office
    /// members' carry their office's): a ring made up by the operator does not match it.
    public var rootFingerprint: [UInt8] { OfficeSecrets.rootFingerprint(ofRing: ring) }

    /// The key that tags the Verband's manifest of `version`.
    public func manifestKey(version: UInt32) -> SecureBytes? {
        guard version >= 1, Int(version) <= keyPairs.count else { return nil }
        return SecureBytes(
            copying: KeyedHash.hash(
                Array("sichtbar-verband-manifest-key-v1".utf8),
                key: keyPairs[Int(version) - 1].secretKey, length: 32))
    }

    /// The Verband's manifest: its key and analysts. It reuses the office manifest's form; the
    /// Verband has no recovery code, so that field holds the Verband key itself.
    public static func manifest(verbandID: EntityID, version: UInt32, publicKey: BoxPublicKey, analysts: [KeyManifest.Entry]) -> KeyManifest
    {
        KeyManifest(
            officeID: verbandID, keyVersion: version, officePublicKey: publicKey, recoveryPublicKey: publicKey,
            members: analysts, verbandPublicKey: nil)
    }

    public func sign(_ manifest: KeyManifest) throws -> SignedKeyManifest {
        guard let key = manifestKey(version: manifest.keyVersion) else { throw AccessError.keysUnavailable }
        return SignedKeyManifest(manifest: manifest, tag: KeyedHash.hash(manifest.canonicalBytes, key: key, length: 32))
    }

    public func isAuthentic(_ signed: SignedKeyManifest) -> Bool {
        guard let key = manifestKey(version: signed.manifest.keyVersion) else { return false }
        return Sodium.constantTimeEqual(signed.tag, KeyedHash.hash(signed.manifest.canonicalBytes, key: key, length: 32))
    }
}
