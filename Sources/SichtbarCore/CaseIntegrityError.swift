/// A case whose stored records do not match its authenticator: an older sheet put back, a
/// record deleted, a record of another case brought in, a ciphertext changed, or the
/// authenticator removed from a case that must have one. Raised on open (and before any
/// change), after an `integrity.alarm` audit event; it never names a record or its content.
public struct CaseIntegrityError: Error, Sendable, Equatable {
    public let caseID: EntityID

    public init(caseID: EntityID) {
        self.caseID = caseID
    }
}
