import Sealing

/// An office as reporters and intake see it: who it is and the public key new cases are sealed to.
public struct Office: Sendable, Equatable {
    public let id: EntityID
    public var name: String
    public var publicKey: BoxPublicKey
    /// Bumped by each key rotation; sealed case keys record the version they were sealed to.
    public var keyVersion: UInt32
    public var profile: OfficeProfile
    /// The operator's choice of the office that receives reports from regions no office serves
    /// (the Verband's own counselling, as a rule); at most one office is.
    public var isFallback: Bool

    public init(
        id: EntityID, name: String, publicKey: BoxPublicKey, keyVersion: UInt32, profile: OfficeProfile,
        isFallback: Bool = false
    ) {
        self.id = id
        self.name = name
        self.publicKey = publicKey
        self.keyVersion = keyVersion
        self.profile = profile
        self.isFallback = isFallback
    }
}
