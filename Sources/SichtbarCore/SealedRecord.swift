/// One encrypted record of a case as the store keeps it: only ids, kind and key version in clear.
public struct SealedRecord: Sendable, Equatable {
    public let id: EntityID
    public let caseID: EntityID
    public let kind: RecordKind
    public let keyVersion: UInt32
    public let ciphertext: [UInt8]

    public init(id: EntityID, caseID: EntityID, kind: RecordKind, keyVersion: UInt32, ciphertext: [UInt8]) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.keyVersion = keyVersion
        self.ciphertext = ciphertext
    }
}

/// What a record holds, and so which key seals it.
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    /// The report as submitted (mailbox key).
    case report
    /// A message between reporter and office (mailbox key).
    case message
    /// The reporter's contact details (case key: the office's alone).
    case contact
    /// The case's current state: persons, documents, events, deadlines (case key, one per case).
    case sheet
    /// One entry of the case's timeline: a transition, note, contact, document, … (case key).
    case entry
    /// A scanned document, metadata stripped (case key).
    case documentFile = "document_file"
    /// A letter generated from the case (case key).
    case letter
    /// A file the reporter sent as evidence, metadata stripped (mailbox key); a reporter message
    /// in the thread names it.
    case reporterFile = "reporter_file"

    /// Whether the reporter's mailbox key opens it.
    public var isShared: Bool {
        switch self {
        case .report, .message, .reporterFile: return true
        case .contact, .sheet, .entry, .documentFile, .letter: return false
        }
    }
}
