import SichtbarCore

/// A stored key manifest (`key_manifest`, `verband_manifest`): canonical bytes and tag, parsed
/// again on every read as SQLite's engine does.
struct ManifestRow: Sendable {
    let keyVersion: UInt32
    let body: [UInt8]
    let tag: [UInt8]

    var stored: StoredKeyManifest {
        guard let manifest = KeyManifest(canonicalBytes: body) else { return .unreadable }
        return .present(SignedKeyManifest(manifest: manifest, tag: tag))
    }
}
