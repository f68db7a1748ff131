import Sealing
import SichtbarCore

/// The umbrella association: offices release statistics sealed to its public key; its analysts
/// hold the secret key, never an office key. One Verband per server.
public struct Verband: Sendable, Equatable {
    public let id: EntityID
    public let name: String
    public let publicKey: BoxPublicKey

    public init(id: EntityID, name: String, publicKey: BoxPublicKey) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
    }
}
