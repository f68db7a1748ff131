/// What a counsellor's open writes when the case's authenticator must catch up without any
/// other change: reporter messages checked and folded in, or a case from before authenticators
/// given its first one (trust on first use). It does not bump the revision, and is written only
/// while revision and authenticator are still those the open read.
public struct CaseIntegritySeal: Sendable {
    public let caseID: EntityID
    public let officeID: EntityID
    public let expectedRevision: Int
    public let expectedAuthenticator: [UInt8]?
    public let authenticator: [UInt8]
    /// Reporter records now covered.
    public let folded: [EntityID]
    /// For a case from before authenticators: its sheet sealed again with the revision bound.
    public let sheet: SealedRecord?
    /// For keys from before authenticators: sealed again with the marker, while on `keyVersion`.
    public let sealedKeys: [UInt8]?
    public let keyVersion: UInt32

    public init(
        caseID: EntityID, officeID: EntityID, expectedRevision: Int, expectedAuthenticator: [UInt8]?, authenticator: [UInt8],
        folded: [EntityID], sheet: SealedRecord?, sealedKeys: [UInt8]?, keyVersion: UInt32
    ) {
        self.caseID = caseID
        self.officeID = officeID
        self.expectedRevision = expectedRevision
        self.expectedAuthenticator = expectedAuthenticator
        self.authenticator = authenticator
        self.folded = folded
        self.sheet = sheet
        self.sealedKeys = sealedKeys
        self.keyVersion = keyVersion
    }
}
