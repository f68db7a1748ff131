import Casework
import SichtbarCore

/// The case list's query as `SQLiteMemberStore.clauses` and `urgentCases` write it in SQL:
/// the same filters, the same order, the same cursor.
extension State {
    /// The rows a page may take: `LIMIT max(1, min(limit, 1000))`.
    static func pageSize(_ query: CaseQuery) -> Int {
        max(1, min(query.limit, 1_000))
    }

    /// The query's WHERE clause without its cursor: office, access and filters.
    func matches(_ file: CaseRow, _ query: CaseQuery) -> Bool {
        /// Assigned to one of `members` (an empty list matches none).
        func assigned(to members: [EntityID]) -> Bool {
            members.contains { file.assignees[$0] != nil }
        }
        guard file.officeID == query.officeID else { return false }
        if let members = query.visibleTo, !assigned(to: members) { return false }
        if query.excludedSteps.contains(file.step) { return false }
        if let members = query.assignedTo, !assigned(to: members) { return false }
        if query.unassigned && !file.assignees.isEmpty { return false }
        if let step = query.step, file.step != step { return false }
        if let range = query.idRange {
            if Binary.less(file.id.bytes, range.lower) { return false }
            if let upper = range.upper, !Binary.less(file.id.bytes, upper) { return false }
        }
        if query.unread && !file.reporterUnread { return false }
        switch query.due {
        case .overdue(let today):
            guard let due = file.nextDue, due < today else { return false }
        case .until(let day):
            guard let due = file.nextDue, due <= day else { return false }
        case nil:
            break
        }
        return true
    }

    /// The cases of the query in its order after its cursor, without the page limit: newest
    /// first (then by id), or with a due filter by next due day (a case without one first,
    /// as SQLite sorts NULL, and never after a cursor).
    func ordered(_ query: CaseQuery) -> [CaseRow] {
        let matching = cases.values.filter { matches($0, query) }
        if query.ordersByDue {
            let after = query.after
            return matching.filter { file in
                guard let after else { return true }
                guard let due = file.nextDue else { return false }
                return due > after.day || (due == after.day && Binary.less(after.id, file.id))
            }.sorted { lhs, rhs in
                switch (lhs.nextDue, rhs.nextDue) {
                case (nil, nil): return Binary.less(lhs.id, rhs.id)
                case (nil, _): return true
                case (_, nil): return false
                case (let left?, let right?): return left != right ? left < right : Binary.less(lhs.id, rhs.id)
                }
            }
        }
        return matching.filter { file in
            guard let after = query.after else { return true }
            return file.receivedOn < after.day || (file.receivedOn == after.day && Binary.less(after.id, file.id))
        }.sorted { lhs, rhs in
            lhs.receivedOn != rhs.receivedOn ? lhs.receivedOn > rhs.receivedOn : Binary.less(lhs.id, rhs.id)
        }
    }

    /// Where a case stands in the urgency order: its stretch (0 overdue, 1 unread, 2 due soon,
    /// 3 due later, 4 no deadline), the stretch's bucket and the day it sorts by.
    static func urgencyPlace(_ file: CaseRow, _ urgency: CaseQuery.Urgency) -> (stretch: Int, bucket: Int, day: String) {
        let never = "9999-12-31"
        if let due = file.nextDue, due < urgency.today { return (0, 0, due.iso) }
        if file.reporterUnread { return (1, 1, file.nextDue?.iso ?? never) }
        guard let due = file.nextDue else { return (4, 3, never) }
        return due <= urgency.soon ? (2, 2, due.iso) : (3, 3, due.iso)
    }

    /// The query's cases in urgency order from its cursor on, one page.
    func urgent(_ query: CaseQuery, _ urgency: CaseQuery.Urgency) -> [CaseRow] {
        var base = query
        base.urgency = nil
        base.after = nil
        let placed = cases.values.filter { matches($0, base) }.map { (file: $0, place: Self.urgencyPlace($0, urgency)) }
        let afterCursor = placed.filter { item in
            guard let after = query.after else { return true }
            let bucket = after.bucket ?? 0
            if item.place.bucket != bucket { return item.place.bucket > bucket }
            let day = after.day.iso
            return Binary.less(day, item.place.day) || (item.place.day == day && Binary.less(after.id, item.file.id))
        }
        let sorted = afterCursor.sorted { lhs, rhs in
            if lhs.place.stretch != rhs.place.stretch { return lhs.place.stretch < rhs.place.stretch }
            if lhs.place.day != rhs.place.day { return Binary.less(lhs.place.day, rhs.place.day) }
            return Binary.less(lhs.file.id, rhs.file.id)
        }
        return Array(sorted.prefix(Self.pageSize(query)).map(\.file))
    }
}
