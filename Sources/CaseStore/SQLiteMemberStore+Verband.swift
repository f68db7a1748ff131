import Casework
import Foundation
import Sealing

extension SQLiteMemberStore {
    /// The Verband key pair and its first analyst, whose key the Verband secret is sealed to:
    /// what `verband init` and the demo do.
    public func createVerband(name: String, analyst username: String, passphrase: SecureBytes) async throws -> Verband {
        let verbandKeys = BoxKeyPair()
        let verband = Verband(id: .random(), name: name, publicKey: verbandKeys.publicKey)
        let (analyst, _) = try Member.create(username: username, officeID: nil, role: .analyst, passphrase: passphrase)
        try await createVerband(verband, analyst: analyst, seal: SealedBox.seal(verbandKeys.secretKey, to: analyst.publicKey),
                                audit: .member(username, .verbandCreated, verband.id.hex))
        return verband
    }
}
