import Foundation
import ScanScrubbing
import Sealing
import SichtbarCore
import Workflow

/// Everything a reporter can do, over any `ReportStore`: report, read the mailbox, write, withdraw.
/// It seals before the store sees anything, so no store holds a readable report.
public struct ReporterService: Sendable {
    public static let maxMessageCharacters = 5_000
    /// Evidence files a report may carry, at intake and through the mailbox together.
    public static let maxFiles = 5

    public let store: any ReportStore
    public let validator: ReportValidator
    private let lookupKey: SecureBytes
    private let today: @Sendable () -> Day
    /// The workflow's deadlines, so a new report and a withdrawal show their due day in the
    /// case list without any key; nil where no workflow is loaded (reporter-only tests).
    private let deadlines: DeadlineTracker?

    /// - Parameter lookupKey: the server secret that keys lookup ids.
    public init(
        store: any ReportStore, taxonomy: Taxonomy, lookupKey: SecureBytes, deadlines: DeadlineTracker? = nil,
        today: @escaping @Sendable () -> Day = { Day(Date()) }
    ) {
        self.store = store
        self.deadlines = deadlines
        self.validator = ReportValidator(taxonomy: taxonomy)
        self.lookupKey = lookupKey
        self.today = today
    }

    /// Checks, seals and stores a report with its evidence files (stripped of metadata first: a
    /// file that cannot be stripped refuses the whole report, and nothing is stored); answers
    /// once the report is durable.
    public func submit(_ submission: ReportSubmission, files: [[UInt8]] = []) async throws -> ReportAcknowledgement {
        let offices = try await store.offices()
        let day = today()
        let report = try validator.validate(submission, offices: offices, today: day)
        let scanned = try Self.evidence(files, alreadyHeld: 0)
        let (intake, receipt) = try seal(report, on: day, files: scanned)
        try await store.submit(intake)
        // The next due day of a case that only has its intake is the first-response deadline.
        return ReportAcknowledgement(receipt: receipt, office: report.office, firstResponseBy: intake.nextDue)
    }

    /// Seals a validated report into what the store writes, with a fresh receipt.
    public func seal(
        _ report: ValidatedReport, on day: Day, channel: String = "online_formular",
        files: [ScannedFile] = []
    ) throws -> (SealedIntake, Receipt) {
        let receipt = Receipt.generate()
        let receiptKeys = ReceiptKeys(receipt: receipt)
        let keys = CaseKeys.generate()
        let caseID = EntityID.random()
        var records = [try RecordCodec.seal(report.content, kind: .report, caseID: caseID, key: keys.mailboxKey)]
        for (index, file) in files.enumerated() {
            records += try Self.sealEvidence(file, caseID: caseID, mailboxKey: keys.mailboxKey, on: day, sequence: index + 1)
        }
        if let contact = report.contact {
            records.append(try RecordCodec.seal(ContactDetails(text: contact), kind: .contact, caseID: caseID, key: keys.caseKey))
        }
        let intake = SealedIntake(
            caseID: caseID, officeID: report.office.id, officeKeyVersion: report.office.keyVersion,
            sealedKeys: keys.seal(to: report.office.publicKey),
            lookupID: receiptKeys.lookupID(serverKey: lookupKey),
            wrappedMailboxKey: try SecretBox.seal(keys.mailboxKey, key: receiptKeys.reporterKey),
            step: "eingegangen", channel: channel, receivedOn: day,
            nextDue: deadlines?.nextDue(
                events: [RecordedEvent(code: "eingang", on: day)], manual: [], fields: deadlines?.policy.alwaysFieldCodes ?? [], today: day),
            records: records,
            sealedTo: KeyFingerprint.bytes(report.office.publicKey),
            authenticator: CaseIntegrity.tag(
                caseID: caseID, revision: 0, records: records.map(CaseIntegrity.Entry.init), caseKey: keys.caseKey)
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
        return MailboxView(
            status: ReporterStatus(step: opened.snapshot.step), officeID: opened.snapshot.officeID, messages: messages, report: report)
    }

    /// Adds the reporter's message; false when the receipt is unknown or withdrawn.
    public func addMessage(receipt: Receipt, text: String) async throws -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw FieldError(.validationFailed, field: "text", "text is empty") }
        // Code points of the text as sent, as the contract's maxLength counts.
        guard text.unicodeScalars.count <= Self.maxMessageCharacters else {
            throw FieldError(.tooLarge, field: "text", "text is longer than \(Self.maxMessageCharacters) characters")
        }
        try ReportValidator.checkText(trimmed, field: "text")
        guard let opened = try await open(receipt) else { return false }
        let sequence = opened.snapshot.records.filter { $0.kind == .message }.count + 1
        let message = MailboxMessage(from: .reporter, text: trimmed, on: today(), sequence: sequence)
        try await store.append([try RecordCodec.seal(message, kind: .message, caseID: opened.snapshot.caseID, key: opened.mailboxKey)])
        return true
    }

    /// Adds an evidence file to the mailbox (stripped, sealed under the mailbox key, named by a
    /// message in the thread); false when the receipt is unknown or withdrawn. A file that cannot
    /// be stripped, or a sixth file, is refused and nothing is stored.
    public func addFile(receipt: Receipt, bytes: [UInt8]) async throws -> Bool {
        guard let opened = try await open(receipt) else { return false }
        var held = 0
        for record in opened.snapshot.records where record.kind == .message {
            if try RecordCodec.open(record, as: MailboxMessage.self, key: opened.mailboxKey).file != nil { held += 1 }
        }
        let scanned = try Self.evidence([bytes], alreadyHeld: held, field: "file")
        let sequence = opened.snapshot.records.filter { $0.kind == .message }.count + 1
        try await store.append(
            try Self.sealEvidence(
                scanned[0], caseID: opened.snapshot.caseID, mailboxKey: opened.mailboxKey,
                on: today(), sequence: sequence))
        return true
    }

    /// Withdraws a report: shredded at once when no counsellor has touched it, else deletion is
    /// requested and a counsellor confirms it. Nil when the receipt is unknown.
    public func withdraw(receipt: Receipt) async throws -> ReporterStatus? {
        guard let opened = try await open(receipt) else { return nil }
        if opened.snapshot.touchedByOffice {
            let day = today()
            let due = deadlines?.nextDue(
                events: [RecordedEvent(code: "loeschung_verlangt", on: day)], manual: [], fields: deadlines?.policy.alwaysFieldCodes ?? [],
                today: day)
            try await store.requestDeletion(caseID: opened.snapshot.caseID, on: day, due: due)
            return .loeschungBeantragt
        }
        try await store.shred(caseID: opened.snapshot.caseID)
        return .geloescht
    }

    /// Strips every file, or refuses them all naming `files`: too many, too large, not an image or
    /// PDF, or damaged so that its metadata cannot be removed with certainty.
    /// The code tells the two apart for the reporter: `validation_failed` only for a damaged file
    /// (its metadata cannot be removed with certainty), `unknown_code` for an empty file or one of
    /// another type, `too_large` for size and number.
    static func evidence(_ files: [[UInt8]], alreadyHeld: Int, field: String = "files") throws(FieldError) -> [ScannedFile] {
        guard alreadyHeld + files.count <= maxFiles else {
            throw FieldError(.tooLarge, field: field, "at most \(maxFiles) files per report")
        }
        var scanned: [ScannedFile] = []
        for (index, bytes) in files.enumerated() {
            do {
                scanned.append(try MetadataStripper.strip(bytes))
            } catch {
                let code: FieldError.Code =
                    switch error {
                    case .tooLarge: .tooLarge
                    case .malformed: .validationFailed
                    case .empty, .unsupportedType: .unknownCode
                    }
                throw FieldError(code, field: field, "file \(index + 1): \(error.description); nothing was stored")
            }
        }
        return scanned
    }

    /// An evidence file's two records: the stripped bytes, and the reporter's message naming them.
    static func sealEvidence(
        _ file: ScannedFile, caseID: EntityID, mailboxKey: SecureBytes, on day: Day,
        sequence: Int
    ) throws -> [SealedRecord] {
        let record = try RecordCodec.sealBytes(file.bytes, kind: .reporterFile, caseID: caseID, key: mailboxKey)
        let note = DocumentFile(
            recordID: record.id, mediaType: file.mediaType, size: file.bytes.count,
            hash: EntityID.hexString(FileDigest.sha256(file.bytes)))
        let message = MailboxMessage(from: .reporter, text: "", on: day, sequence: sequence, file: note)
        return [record, try RecordCodec.seal(message, kind: .message, caseID: caseID, key: mailboxKey)]
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
