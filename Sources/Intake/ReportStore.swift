import SichtbarCore

/// The store seam for everything reporters do. CaseStore implements it over SQLite;
/// `InMemoryReportStore` serves the core tests.
public protocol ReportStore: Sendable {
    /// Offices in the order they were created: the first takes reports nobody routed.
    func offices() async throws -> [Office]

    /// Stores a sealed report; returns only once it is durable.
    func submit(_ intake: SealedIntake) async throws

    /// The mailbox behind a lookup id with its shared records, or nil. Evidence files come
    /// without their bodies (empty ciphertext): the thread's messages describe them.
    func mailbox(lookupID: [UInt8]) async throws -> MailboxSnapshot?

    /// Adds the reporter's records to an existing case in one transaction (a message, or an
    /// evidence file with the message that names it); durable on return.
    func append(_ records: [SealedRecord]) async throws

    /// Shreds a case and everything of it: keys, records, mailbox.
    func shred(caseID: EntityID) async throws

    /// A reporter withdrew a case the office already worked: it moves to `loeschung_beantragt`,
    /// remembers the day (the Art. 12(3) DSGVO deadline runs from it) and, if earlier than what
    /// is due already, `due` becomes the case's next due day.
    func requestDeletion(caseID: EntityID, on day: Day, due: Day?) async throws
}

/// Why the store could not do what was asked.
public enum StoreError: Error, Sendable, Equatable {
    /// The store cannot write right now (disk full, read-only, batch failed): answer 503.
    case unavailable(String)
    /// A row the request relies on does not exist (any more).
    case notFound
}
