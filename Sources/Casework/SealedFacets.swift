import SichtbarCore

/// The counsellor's classification of a case, sealed under the office statistics key of
/// `keyVersion`, filed by month. Statistics read these without any case key.
public struct SealedFacets: Sendable, Equatable {
    public let id: EntityID
    public let month: String
    public let keyVersion: UInt32
    public let ciphertext: [UInt8]

    public init(id: EntityID, month: String, keyVersion: UInt32, ciphertext: [UInt8]) {
        self.id = id
        self.month = month
        self.keyVersion = keyVersion
        self.ciphertext = ciphertext
    }
}
