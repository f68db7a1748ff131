import Sealing

/// A key manifest with its tag: keyed BLAKE2b-256 under the manifest key of its key version,
/// which is derived from that version's office statistics key. Only someone who opened the
/// office secrets (a member, the recovery code, an invitation) can make or check one.
public struct SignedKeyManifest: Sendable, Equatable {
    public let manifest: KeyManifest
    public let tag: [UInt8]

    public init(manifest: KeyManifest, tag: [UInt8]) {
        self.manifest = manifest
        self.tag = tag
    }

    /// Tags `manifest` with the office secrets of its key version.
    public init(_ manifest: KeyManifest, secrets: OfficeSecrets) throws {
        guard let key = secrets.manifestKey(version: manifest.keyVersion) else { throw AccessError.keysUnavailable }
        self.init(manifest: manifest, tag: KeyedHash.hash(manifest.canonicalBytes, key: key, length: 32))
    }

    /// Whether the tag is right under `secrets` (constant time).
    public func isAuthentic(under secrets: OfficeSecrets) -> Bool {
        guard let key = secrets.manifestKey(version: manifest.keyVersion) else { return false }
        return Sodium.constantTimeEqual(tag, KeyedHash.hash(manifest.canonicalBytes, key: key, length: 32))
    }
}
