import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

/// One deadline of the overview, with the case it belongs to.
public struct DueDeadline: Sendable, Equatable {
    public let item: CaseListItem
    public let deadline: DeadlineStatus
    /// Who acts on it: a Wiedervorlage's owner, else the counsellor in charge of the case (nil
    /// when nobody is).
    public let responsible: String?
}

extension CaseworkService {
    /// Every overdue deadline, and every deadline ending within the policy's warning days, of the
    /// cases the member may open, soonest first (`/deadlines`). Cases are read in the order of
    /// their next due day, so the scan stops at the first case whose next deadline lies beyond
    /// the window; at most `limit` cases are looked at. Viewing it is audited.
    /// `mine`: only those the member is responsible for.
    public func dueDeadlines(for session: Session, mine: Bool = false, limit: Int = 1_000) async throws -> [DueDeadline] {
        let officeID = try officeID(of: session)
        let teamAccess = try await store.teamAccess(officeID: officeID)
        let today = Day(now())
        var query = CaseQuery(officeID: officeID, step: nil, after: nil, limit: 200)
        query.due = .until(today.adding(days: policy.warnDays))
        let visible = try await visibleMembers(session, officeID: officeID)
        if !session.isLead && !teamAccess { query.visibleTo = visible }
        // "Mine" includes the deadlines of the members covered today.
        let names = Set(try await members.store.members(officeID: officeID).filter { visible.contains($0.id) }.map(\.username))
        try await members.record(session, .deadlinesViewed)
        var found: [DueDeadline] = []
        var scanned = 0
        while scanned < limit {
            let rows = try await store.cases(query)
            for item in try await items(rows, session: session, today: today) {
                let inCharge = item.assignees.first { $0.role == .beratung }?.username
                for deadline in item.deadlines where deadline.state == .overdue || deadline.state == .dueSoon {
                    let responsible = deadline.owner ?? inCharge
                    if mine && !(responsible.map(names.contains) ?? false) { continue }
                    found.append(DueDeadline(item: item, deadline: deadline, responsible: responsible))
                }
            }
            scanned += rows.count
            guard rows.count == query.limit, let last = rows.last else { break }
            query.after = cursor(last, query)
        }
        return found.sorted { ($0.deadline.due, $0.item.reference) < ($1.deadline.due, $1.item.reference) }
    }
}
