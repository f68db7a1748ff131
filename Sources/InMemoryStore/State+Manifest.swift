import Members
import SichtbarCore

/// Key manifests are written only when they describe the rows as they are now.
extension State {
    func keyManifest(officeID: EntityID) -> StoredKeyManifest {
        keyManifests[officeID]?.stored ?? .missing
    }

    /// Checks the manifest against the office row and its members, then keeps it. A change made
    /// meanwhile throws `.membersChanged`, so the caller reads again rather than tags a stale picture.
    mutating func write(_ signed: SignedKeyManifest) throws {
        let manifest = signed.manifest
        guard let office = offices[manifest.officeID], office.publicKey == manifest.officePublicKey,
            office.keyVersion == manifest.keyVersion, office.recoveryPublicKey == manifest.recoveryPublicKey
        else { throw MemberStoreError.membersChanged }
        let rows = members(officeID: manifest.officeID).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        guard signed.tag.count == 32 else { throw InMemoryStoreError.constraint("key_manifest.tag length") }
        keyManifests[manifest.officeID] = ManifestRow(keyVersion: manifest.keyVersion, body: manifest.canonicalBytes, tag: signed.tag)
    }

    /// The Verband's manifest, checked against the Verband row and its analysts.
    mutating func writeVerband(_ signed: SignedKeyManifest) throws {
        let manifest = signed.manifest
        guard let verband, verband.id == manifest.officeID, verband.publicKey == manifest.officePublicKey else {
            throw MemberStoreError.membersChanged
        }
        let rows = members(officeID: nil).map(KeyManifest.Entry.init)
        guard manifest.with(members: rows) == manifest else { throw MemberStoreError.membersChanged }
        guard signed.tag.count == 32 else { throw InMemoryStoreError.constraint("verband_manifest.tag length") }
        verbandManifest = ManifestRow(keyVersion: manifest.keyVersion, body: manifest.canonicalBytes, tag: signed.tag)
    }
}
