/// What the store holds as an office's key manifest.
public enum StoredKeyManifest: Sendable, Equatable {
    /// None yet: an office set up before manifests existed, or a row deleted.
    case missing
    /// A row that does not parse as a manifest.
    case unreadable
    case present(SignedKeyManifest)
}

/// The office key a case's keys were sealed to, as a member's login checks it.
public struct CaseKeyFingerprint: Sendable, Equatable {
    public let caseID: EntityID
    public let keyVersion: UInt32
    /// `KeyFingerprint.bytes` of the office key; nil for cases sealed before fingerprints.
    public let sealedTo: [UInt8]?

    public init(caseID: EntityID, keyVersion: UInt32, sealedTo: [UInt8]?) {
        self.caseID = caseID
        self.keyVersion = keyVersion
        self.sealedTo = sealedTo
    }
}
