import Foundation
import Sealing
import SichtbarCore

extension MemberStore {
    /// The Verband key pair and its first analyst, whose key the Verband secret is sealed to:
    /// what `verband init` and the demo do.
    public func createVerband(name: String, analyst username: String, passphrase: SecureBytes) async throws -> Verband {
        let ring = try VerbandRing.generate()
        let verband = Verband(id: .random(), name: name, publicKey: ring.current.publicKey)
        let (analyst, _) = try Member.create(
            username: username, officeID: nil, role: .analyst, passphrase: passphrase,
            root: ring.rootFingerprint)
        let manifest = VerbandRing.manifest(
            verbandID: verband.id, version: ring.version, publicKey: verband.publicKey,
            analysts: [KeyManifest.Entry(analyst)])
        try await createVerband(
            verband, analyst: analyst, seal: SealedBox.seal(ring.ring, to: analyst.publicKey),
            manifest: try ring.sign(manifest), audit: .member(username, .verbandCreated, verband.id.hex))
        return verband
    }
}
