import Foundation
import Sealing

extension CaseworkService {
    /// One page of the cases the member may see, with each case's deadlines (from its sealed
    /// sheet) and a cursor for the next page. Viewing the list is audited.
    public func list(_ filter: CaseListFilter, for session: Session) async throws -> (items: [CaseListItem], next: CaseCursor?) {
        let officeID = try officeID(of: session)
        if let step = filter.step, policy.step(step) == nil {
            throw AccessError.invalid(field: "step", message: "'\(step)' is not a step of the workflow")
        }
        let limit = min(max(filter.limit, 1), 100)
        let teamAccess = try await store.teamAccess(officeID: officeID)
        let today = Day(now())
        var query = CaseQuery(officeID: officeID, step: filter.step, after: filter.after, limit: limit)
        if !session.isLead && !teamAccess { query.visibleTo = session.memberID }
        if filter.assignment == .mine { query.assignedTo = session.memberID }
        if filter.assignment == CaseListFilter.Assignment.none { query.unassigned = true }
        switch filter.due {
        case .overdue: query.due = .overdue(today: today)
        case .soon: query.due = .until(today.adding(days: policy.warnDays))
        case nil: break
        }
        var categoryCode: String?
        if let text = filter.query?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let prefix = CaseReference.prefix(of: text) {
                query.referencePrefix = prefix
            } else {
                categoryCode = text
            }
        }
        try await members.record(session, .caseListViewed, filter.step ?? "")
        guard let categoryCode else {
            // One more row than asked tells whether a next page exists.
            query.limit = limit + 1
            let rows = try await store.cases(query)
            var items: [CaseListItem] = []
            for row in rows.prefix(limit) {
                items.append(item(row, sheet: try sheet(of: row, keys: try await keys(of: row, session: session)), today: today))
            }
            return (items, rows.count > limit ? rows.prefix(limit).last.map { cursor($0, query) } : nil)
        }
        // A category code lives only in sealed classifications: scan in batches, decrypting, until
        // the page is full or 2,000 cases were looked at; `next` continues from there.
        var items: [CaseListItem] = []
        var scanned = 0
        let batch = 200
        while true {
            query.limit = batch
            let rows = try await store.cases(query)
            for (index, row) in rows.enumerated() {
                scanned += 1
                let sheet = try sheet(of: row, keys: try await keys(of: row, session: session))
                if try await matches(categoryCode, row: row, session: session) {
                    items.append(item(row, sheet: sheet, today: today))
                }
                if items.count == limit {
                    let more = index < rows.count - 1 || rows.count == batch
                    return (items, more ? cursor(row, query) : nil)
                }
            }
            guard rows.count == batch, let last = rows.last else { return (items, nil) }
            query.after = cursor(last, query)
            if scanned >= 2_000 { return (items, query.after) }
        }
    }

    func cursor(_ row: CaseFileRow, _ query: CaseQuery) -> CaseCursor {
        CaseCursor(day: query.ordersByDue ? (row.nextDue ?? row.receivedOn) : row.receivedOn, id: row.id)
    }

    func item(_ row: CaseFileRow, sheet: CaseSheet, today: Day) -> CaseListItem {
        CaseListItem(id: row.id, reference: CaseReference.of(row.id), kind: row.kind, step: row.step, channel: row.channel,
                     receivedOn: row.receivedOn, title: sheet.title, assignees: row.assignees,
                     deadlines: deadlines.deadlines(events: allEvents(sheet, row: row), manual: sheet.manualDeadlines, today: today))
    }

    /// Whether the counsellor's classification of the case names `code`.
    func matches(_ code: String, row: CaseFileRow, session: Session) async throws -> Bool {
        guard let classification = try await classification(of: row, session: session) else { return false }
        return classification.codes.values.contains { $0.contains(code) } || classification.flags.contains(code)
            || classification.region == code
    }
}
