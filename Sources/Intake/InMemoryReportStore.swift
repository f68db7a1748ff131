import SichtbarCore
import Workflow

/// A `ReportStore` in memory, for the core and route tests.
public actor InMemoryReportStore: ReportStore {
    struct StoredCase {
        var intake: SealedIntake
        var step: String
        var touched: Bool
        var records: [SealedRecord]
    }

    private var officeList: [Office]
    private var cases: [EntityID: StoredCase] = [:]
    private var lookups: [[UInt8]: EntityID] = [:]
    /// When set, every write fails as a full disk would.
    public var failWrites = false

    public init(offices: [Office]) {
        self.officeList = offices
    }

    public func offices() -> [Office] { officeList }

    public func submit(_ intake: SealedIntake) throws {
        guard !failWrites else { throw StoreError.unavailable("writes disabled") }
        cases[intake.caseID] = StoredCase(intake: intake, step: intake.step, touched: false, records: intake.records)
        lookups[intake.lookupID] = intake.caseID
    }

    public func mailbox(lookupID: [UInt8]) -> MailboxSnapshot? {
        guard let id = lookups[lookupID], let stored = cases[id] else { return nil }
        return MailboxSnapshot(
            caseID: id, officeID: stored.intake.officeID, step: stored.step,
            touchedByOffice: stored.touched, wrappedMailboxKey: stored.intake.wrappedMailboxKey,
            records: stored.records.filter { $0.kind.isShared })
    }

    public func append(_ records: [SealedRecord]) throws {
        guard !failWrites else { throw StoreError.unavailable("writes disabled") }
        guard let caseID = records.first?.caseID, cases[caseID] != nil else { throw StoreError.notFound }
        cases[caseID]?.records.append(contentsOf: records)
    }

    public func shred(caseID: EntityID) throws {
        guard let stored = cases.removeValue(forKey: caseID) else { throw StoreError.notFound }
        lookups.removeValue(forKey: stored.intake.lookupID)
    }

    public func requestDeletion(caseID: EntityID, on day: Day, due: Day?) throws {
        guard cases[caseID] != nil else { throw StoreError.notFound }
        cases[caseID]?.step = WorkflowPolicy.deletionRequestedStep
    }

    // Test helpers.
    public func markTouched(_ caseID: EntityID) { cases[caseID]?.touched = true }
    public func setFailWrites(_ value: Bool) { failWrites = value }
    public var caseCount: Int { cases.count }
    public func allRecords() -> [SealedRecord] { cases.values.flatMap(\.records) }
}
