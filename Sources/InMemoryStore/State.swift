import Casework
import Members
import Sealing
import SichtbarCore
import Statistics

/// Every table of the database as plain values. A write works on a copy and the copy replaces
/// the state only when the write returns, so a throw anywhere leaves nothing half done (as a
/// rolled-back SQLite transaction).
struct State: Sendable {
    var offices: [EntityID: OfficeRow] = [:]
    var members: [EntityID: Member] = [:]
    var officeSeals: [SealKey: [UInt8]] = [:]
    var invitations: [[UInt8]: InvitationRow] = [:]
    var verband: Verband?
    var verbandSeals: [EntityID: [UInt8]] = [:]
    var verbandManifest: ManifestRow?
    var keyManifests: [EntityID: ManifestRow] = [:]
    var rotations: [EntityID: RotationRow] = [:]

    var cases: [EntityID: CaseRow] = [:]
    /// Record id to case id: record ids are unique across cases (the primary key of `record`).
    var recordOwners: [EntityID: EntityID] = [:]
    /// Mailbox lookup id to case id.
    var mailboxes: [[UInt8]: EntityID] = [:]
    var facets: [EntityID: FacetsRow] = [:]
    var intakeMonths: [MonthKey: Int] = [:]
    var tallies: [TallyRow] = []
    var covers: [EntityID: CoverRow] = [:]
    var notificationAddresses: [EntityID: String] = [:]

    var releases: [EntityID: StoredRelease] = [:]
    /// Office and year whose deleted cases' classifications retention dropped.
    var droppedYears: Set<MonthKey> = []
    var published: [String: PublishedStatistics] = [:]
    var publishedHistory: [PublishedStatistics] = []

    var chains: [EntityID: ChainRow] = [:]
    var pendingAudit: [PendingAuditRow] = []
    /// The daily signed heads (`audit_checkpoint`): chain and day to head, the first of a day kept.
    var dailyHeads: [MonthKey: AuditHead] = [:]

    /// Offices in creation order.
    var officesInOrder: [OfficeRow] {
        offices.values.sorted { $0.position < $1.position }
    }
}
