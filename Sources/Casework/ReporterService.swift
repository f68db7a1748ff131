import Foundation
import Sealing

/// Everything a reporter can do, over any `ReportStore`: report, read the mailbox, write, withdraw.
/// It seals before the store sees anything, so no store holds a readable report.
public struct ReporterService: Sendable {
    public static let maxMessageCharacters = 5_000

    public let store: any ReportStore
    public let validator: ReportValidator
    private let lookupKey: SecureBytes
    private let today: @Sendable () -> Day
    /// The workflow's deadlines, so a new report and a withdrawal show their due day in the
    /// case list without any key; nil where no workflow is loaded (reporter-only tests).
    private let deadlines: DeadlineTracker?

    /// - Parameter lookupKey: the server secret that keys lookup ids.
    public init(store: any ReportStore, taxonomy: Taxonomy, lookupKey: SecureBytes, deadlines: DeadlineTracker? = nil,
                today: @escaping @Sendable () -> Day = { Day(Date()) }) {
        self.store = store
        self.deadlines = deadlines
        self.validator = ReportValidator(taxonomy: taxonomy)
        self.lookupKey = lookupKey
        self.today = today
    }

    /// Checks, seals and stores a report; answers once the report is durable.
    public func submit(_ submission: ReportSubmission) async throws -> ReportAcknowledgement {
        let offices = try await store.offices()
        let day = today()
        let report = try validator.validate(submission, offices: offices, today: day)
        let (intake, receipt) = try seal(report, on: day)
        try await store.submit(intake)
        // The next due day of a case that only has its intake is the first-response deadline.
        return ReportAcknowledgement(receipt: receipt, office: report.office, firstResponseBy: intake.nextDue)
    }

    /// Seals a validated report into what the store writes, with a fresh receipt.
    public func seal(_ report: ValidatedReport, on day: Day, channel: String = "online_formular") throws -> (SealedIntake, Receipt) {
        let receipt = Receipt.generate()
        let receiptKeys = ReceiptKeys(receipt: receipt)
        let keys = CaseKeys.generate()
        let caseID = EntityID.random()
        var records = [try RecordCodec.seal(report.content, kind: .report, caseID: caseID, key: keys.mailboxKey)]
        if let contact = report.contact {
            records.append(try RecordCodec.seal(ContactDetails(text: contact), kind: .contact, caseID: caseID, key: keys.caseKey))
        }
        let intake = SealedIntake(
            caseID: caseID, officeID: report.office.id, officeKeyVersion: report.office.keyVersion,
            sealedKeys: keys.seal(to: report.office.publicKey),
            lookupID: receiptKeys.lookupID(serverKey: lookupKey),
            wrappedMailboxKey: try SecretBox.seal(keys.mailboxKey, key: receiptKeys.reporterKey),
            step: "eingegangen", channel: channel, receivedOn: day,
            nextDue: deadlines?.nextDue(events: [RecordedEvent(code: "eingang", on: day)], manual: [], today: day), records: records,
            sealedTo: KeyFingerprint.bytes(report.office.publicKey),
            authenticator: CaseIntegrity.tag(caseID: caseID, revision: 0, records: records.map(CaseIntegrity.Entry.init), caseKey: keys.caseKey)
        )
        return (intake, receipt)
    }

    /// The mailbox behind a receipt, or nil when the receipt is unknown or withdrawn.
    public func read(receipt: Receipt, includeReport: Bool) async throws -> MailboxView? {
        guard let opened = try await open(receipt) else { return nil }
        var messages: [MailboxMessage] = []
        var report: ReportContent?
        for record in opened.snapshot.records {
            switch record.kind {
            case .message:
                messages.append(try RecordCodec.open(record, as: MailboxMessage.self, key: opened.mailboxKey))
            case .report where includeReport:
                report = try RecordCodec.open(record, as: ReportContent.self, key: opened.mailboxKey)
            default:
                continue
            }
        }
        messages.sort { ($0.sequence, $0.on) < ($1.sequence, $1.on) }
        return MailboxView(status: ReporterStatus(step: opened.snapshot.step), officeID: opened.snapshot.officeID, messages: messages, report: report)
    }

    /// Adds the reporter's message; false when the receipt is unknown or withdrawn.
    public func addMessage(receipt: Receipt, text: String) async throws -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationFailure(.validationFailed, field: "text", "text is empty") }
        guard trimmed.count <= Self.maxMessageCharacters else {
            throw ValidationFailure(.tooLarge, field: "text", "text is longer than \(Self.maxMessageCharacters) characters")
        }
        try ReportValidator.checkText(trimmed, field: "text")
        guard let opened = try await open(receipt) else { return false }
        let sequence = opened.snapshot.records.filter { $0.kind == .message }.count + 1
        let message = MailboxMessage(from: .reporter, text: trimmed, on: today(), sequence: sequence)
        try await store.append(try RecordCodec.seal(message, kind: .message, caseID: opened.snapshot.caseID, key: opened.mailboxKey))
        return true
    }

    /// Withdraws a report: shredded at once when no counsellor has touched it, else deletion is
    /// requested and a counsellor confirms it. Nil when the receipt is unknown.
    public func withdraw(receipt: Receipt) async throws -> ReporterStatus? {
        guard let opened = try await open(receipt) else { return nil }
        if opened.snapshot.touchedByOffice {
            let day = today()
            let due = deadlines?.nextDue(events: [RecordedEvent(code: "loeschung_verlangt", on: day)], manual: [], today: day)
            try await store.requestDeletion(caseID: opened.snapshot.caseID, on: day, due: due)
            return .loeschungBeantragt
        }
        try await store.shred(caseID: opened.snapshot.caseID)
        return .geloescht
    }

    private func open(_ receipt: Receipt) async throws -> (snapshot: MailboxSnapshot, mailboxKey: SecureBytes)? {
        let keys = ReceiptKeys(receipt: receipt)
        guard let snapshot = try await store.mailbox(lookupID: keys.lookupID(serverKey: lookupKey)) else { return nil }
        let mailboxKey = try SecretBox.open(snapshot.wrappedMailboxKey, key: keys.reporterKey)
        return (snapshot, mailboxKey)
    }
}

/// The reporter's contact details, sealed under the case key.
public struct ContactDetails: Sendable, Codable, Equatable {
    public let text: String
    public init(text: String) { self.text = text }
}
