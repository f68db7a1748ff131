import SichtbarCore

/// Everything one report writes, already sealed: the store sees no plaintext but what DESIGN.md allows.
public struct SealedIntake: Sendable {
    public let caseID: EntityID
    public let officeID: EntityID
    /// The office key version the case keys were sealed to.
    public let officeKeyVersion: UInt32
    /// `crypto_box_seal` of case key ‖ mailbox key to the office public key.
    public let sealedKeys: [UInt8]
    public let lookupID: [UInt8]
    /// The mailbox key under the reporter key.
    public let wrappedMailboxKey: [UInt8]
    public let step: String
    public let channel: String
    public let receivedOn: Day
    /// When the first response is due (the workflow's first-response deadline), for the case list.
    public let nextDue: Day?
    public let records: [SealedRecord]
    /// `KeyFingerprint.bytes` of the office key the case keys were sealed to: a member's next
    /// login checks it against the office's authenticated manifest.
    public let sealedTo: [UInt8]?
    /// The case's first authenticator (`CaseIntegrity`, revision 0, over `records`): one
    /// `crypto_auth`, since intake holds the case key anyway.
    public let authenticator: [UInt8]?

    public init(
        caseID: EntityID, officeID: EntityID, officeKeyVersion: UInt32, sealedKeys: [UInt8], lookupID: [UInt8],
        wrappedMailboxKey: [UInt8], step: String, channel: String, receivedOn: Day, nextDue: Day? = nil, records: [SealedRecord],
        sealedTo: [UInt8]? = nil, authenticator: [UInt8]? = nil
    ) {
        self.sealedTo = sealedTo
        self.caseID = caseID
        self.officeID = officeID
        self.officeKeyVersion = officeKeyVersion
        self.sealedKeys = sealedKeys
        self.lookupID = lookupID
        self.wrappedMailboxKey = wrappedMailboxKey
        self.step = step
        self.channel = channel
        self.receivedOn = receivedOn
        self.nextDue = nextDue
        self.records = records
        self.authenticator = authenticator
    }
}

/// What a receipt finds: the case's step and the records the mailbox key opens.
public struct MailboxSnapshot: Sendable {
    public let caseID: EntityID
    public let officeID: EntityID
    public let step: String
    /// Whether a counsellor has opened or worked the case (withdrawal then needs confirmation).
    public let touchedByOffice: Bool
    public let wrappedMailboxKey: [UInt8]
    public let records: [SealedRecord]

    public init(
        caseID: EntityID, officeID: EntityID, step: String, touchedByOffice: Bool,
        wrappedMailboxKey: [UInt8], records: [SealedRecord]
    ) {
        self.caseID = caseID
        self.officeID = officeID
        self.step = step
        self.touchedByOffice = touchedByOffice
        self.wrappedMailboxKey = wrappedMailboxKey
        self.records = records
    }
}
