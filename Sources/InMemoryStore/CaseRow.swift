import Casework
import SichtbarCore

/// A case as the `case_file` table holds it, with the rows that die with it: its records,
/// mailbox and assignees (`ON DELETE CASCADE`). Its classification lives apart, in `facets`.
struct CaseRow: Sendable {
    let id: EntityID
    let officeID: EntityID
    var keyVersion: UInt32
    var sealedKeys: [UInt8]
    var kind: String
    var step: String
    let channel: String
    let receivedOn: Day
    var nextDue: Day?
    var closedOn: Day?
    var withdrawnOn: Day?
    /// Whether the office has worked the case (a receipt then asks before withdrawing).
    var touched: Bool
    /// Whether its `report.received` event is in the chain (intake leaves it for the day's end).
    var intakeAudited: Bool
    var revision = 0
    var sealedTo: [UInt8]?
    var keyChecked = false
    var integrity: [UInt8]?
    var reporterUnread = false
    var classifiedOn: Day?
    var deletionRequestedOn: Day?
    var legalHold = false
    var mailbox: MailboxRow?
    var records: [EntityID: RecordRow] = [:]
    /// Member id to role: the primary key (case_id, member_id) allows one role per member.
    var assignees: [EntityID: CaseAssignment.Role] = [:]

    /// The case's sheet as SQLite's subqueries pick it: the first by index order.
    var sheet: RecordRow? {
        records.values.filter { $0.kind == .sheet }.min { Binary.less($0.id, $1.id) }
    }

    func candidate() -> RetentionCandidate {
        RetentionCandidate(
            id: id, officeID: officeID, kind: kind, step: step, receivedOn: receivedOn, classifiedOn: classifiedOn,
            closedOn: closedOn, deletionRequestedOn: deletionRequestedOn, legalHold: legalHold)
    }
}
