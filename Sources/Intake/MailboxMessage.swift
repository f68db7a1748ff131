import SichtbarCore

/// A message in the mailbox thread; sealed under the mailbox key, dated by day only.
public struct MailboxMessage: Sendable, Codable, Equatable {
    public enum Sender: String, Sendable, Codable {
        case office
        case reporter
    }

    public let from: Sender
    public let text: String
    public let on: Day
    /// Order within the thread (the store keeps no times).
    public let sequence: Int
    /// The evidence file this message brings (the reporter's only; absent in older messages).
    public let file: DocumentFile?

    public init(from: Sender, text: String, on: Day, sequence: Int, file: DocumentFile? = nil) {
        self.from = from
        self.text = text
        self.on = on
        self.sequence = sequence
        self.file = file
    }
}

/// What the mailbox shows a receipt holder.
public struct MailboxView: Sendable {
    /// The evidence files in the thread, in order.
    public var files: [DocumentFile] { messages.compactMap(\.file) }
    public let status: ReporterStatus
    /// The office the report is with, so the mailbox can name it.
    public let officeID: EntityID
    public let messages: [MailboxMessage]
    /// The report as submitted, only when asked for explicitly.
    public let report: ReportContent?
}
