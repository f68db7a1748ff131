import Casework
import Foundation
import GRDB
import SichtbarCore

extension SQLiteCaseFileStore {
    /// One stretch of the urgency order that an index walks in order: overdue (the due index),
    /// unread (the partial unread index), due soon and later (the due index), no deadline (the
    /// primary key). Sorting all of an office's cases by a computed urgency instead costs a full
    /// sort per page: 730 ms at 100,000 cases.
    struct UrgencyStretch {
        let bucket: Int
        let condition: String
        let arguments: StatementArguments
        /// The sort day of the stretch's rows, as SQL, and its order.
        let day: String
        let order: String
    }

    static func stretches(_ urgency: CaseQuery.Urgency) -> [UrgencyStretch] {
        let today = urgency.today.iso
        let soon = urgency.soon.iso
        return [
            UrgencyStretch(bucket: 0, condition: "c.next_due < ?", arguments: [today], day: "c.next_due", order: "c.next_due, c.id"),
            UrgencyStretch(
                bucket: 1, condition: "c.reporter_unread = 1 AND (c.next_due IS NULL OR c.next_due >= ?)", arguments: [today],
                day: "coalesce(c.next_due, '9999-12-31')", order: "coalesce(c.next_due, '9999-12-31'), c.id"),
            UrgencyStretch(
                bucket: 2, condition: "c.reporter_unread = 0 AND c.next_due >= ? AND c.next_due <= ?", arguments: [today, soon],
                day: "c.next_due", order: "c.next_due, c.id"),
            UrgencyStretch(
                bucket: 3, condition: "c.reporter_unread = 0 AND c.next_due > ?", arguments: [soon], day: "c.next_due",
                order: "c.next_due, c.id"),
            UrgencyStretch(
                bucket: 3, condition: "c.reporter_unread = 0 AND c.next_due IS NULL", arguments: [], day: "'9999-12-31'",
                order: "c.id"),
        ]
    }

    /// The query's cases in urgency order (overdue, unread, due soon, the rest; each by its
    /// next due day, then id), from its cursor on: the stretches in turn, each an index range,
    /// until the page is full.
    func urgentCases(_ query: CaseQuery) async throws -> [CaseFileRow] {
        guard let urgency = query.urgency else { return [] }
        var base = query
        base.urgency = nil
        base.after = nil
        let (conditions, _, arguments) = Self.clauses(of: base)
        let limit = max(1, min(query.limit, 1_000))
        return try await writer.read { db in
            var rows: [Row] = []
            for stretch in Self.stretches(urgency) where rows.count < limit {
                var sql = "SELECT \(Self.caseColumns) FROM case_file c WHERE \(conditions) AND \(stretch.condition)"
                var bound = arguments + stretch.arguments
                if let after = query.after {
                    let bucket = after.bucket ?? 0
                    if stretch.bucket < bucket { continue }
                    if stretch.bucket == bucket {
                        // Within the cursor's stretch: after its day and id.
                        sql += " AND (\(stretch.day) > ? OR (\(stretch.day) = ? AND c.id > ?))"
                        bound += [after.day.iso, after.day.iso, after.id]
                    }
                }
                sql += " ORDER BY \(stretch.order) LIMIT ?"
                rows += try Row.fetchAll(db, sql: sql, arguments: bound + [limit - rows.count])
            }
            let assignees = try Self.assignees(of: rows.compactMap { $0.entityID("id") }, db)
            return rows.compactMap { Self.caseRow($0, assignees: assignees) }
        }
    }
}
