import Casework
import Foundation
import PostgresNIO
import SichtbarCore

extension PostgresCaseFileStore {
    /// One stretch of the urgency order that an index walks in order, as on SQLite: overdue (the
    /// due index), unread (the partial unread index), due soon and later (the due index), no
    /// deadline (the primary key).
    struct UrgencyStretch: Sendable {
        let bucket: Int
        /// The stretch's condition, given the parameter names of today and the warning day.
        let condition: @Sendable (_ today: String, _ soon: String) -> String
        /// The sort day of the stretch's rows, as SQL, and its order.
        let day: String
        let order: String
    }

    static let stretches: [UrgencyStretch] = [
        UrgencyStretch(bucket: 0, condition: { today, _ in "c.next_due < \(today)" }, day: "c.next_due", order: "c.next_due, c.id"),
        UrgencyStretch(
            bucket: 1, condition: { today, _ in "c.reporter_unread AND (c.next_due IS NULL OR c.next_due >= \(today))" },
            day: "coalesce(c.next_due, '9999-12-31')", order: "coalesce(c.next_due, '9999-12-31'), c.id"),
        UrgencyStretch(
            bucket: 2, condition: { today, soon in "NOT c.reporter_unread AND c.next_due >= \(today) AND c.next_due <= \(soon)" },
            day: "c.next_due", order: "c.next_due, c.id"),
        UrgencyStretch(
            bucket: 3, condition: { _, soon in "NOT c.reporter_unread AND c.next_due > \(soon)" }, day: "c.next_due",
            order: "c.next_due, c.id"),
        UrgencyStretch(
            bucket: 3, condition: { _, _ in "NOT c.reporter_unread AND c.next_due IS NULL" }, day: "'9999-12-31'", order: "c.id"),
    ]

    /// The query's cases in urgency order (overdue, unread, due soon, the rest; each by its next
    /// due day, then id), from its cursor on: the stretches in turn, each an index range, until
    /// the page is full.
    func urgentCases(_ query: CaseQuery) async throws -> [CaseFileRow] {
        guard let urgency = query.urgency else { return [] }
        var base = query
        base.urgency = nil
        base.after = nil
        let limit = max(1, min(query.limit, 1_000))
        return try await database.read { session in
            var rows: [PostgresColumns] = []
            for stretch in Self.stretches where rows.count < limit {
                guard let statement = Self.statement(stretch, base: base, urgency: urgency, after: query.after, limit: limit - rows.count)
                else { continue }
                rows += try await session.rows(statement)
            }
            let assignees = try await Self.assignees(of: rows.compactMap { $0.id("id") }, session)
            return try rows.compactMap { try Self.caseRow($0, assignees: assignees) }
        }
    }

    /// One stretch's page; nil for a stretch before the cursor's.
    static func statement(_ stretch: UrgencyStretch, base: CaseQuery, urgency: CaseQuery.Urgency, after: CaseCursor?, limit: Int)
        -> PostgresQuery?
    {
        if let after, stretch.bucket < (after.bucket ?? 0) { return nil }
        var builder = SQLBuilder()
        let (conditions, _) = clauses(of: base, &builder)
        let today = builder.bind(urgency.today)
        let soon = builder.bind(urgency.soon)
        var sql = """
            SELECT \(caseColumns) FROM case_file c \(sheetJoin)
            WHERE \(conditions) AND \(stretch.condition(today, soon))
            """
        if let after, stretch.bucket == (after.bucket ?? 0) {
            // Within the cursor's stretch: after its day and id.
            let day = builder.bind(after.day)
            sql += " AND (\(stretch.day) > \(day) OR (\(stretch.day) = \(day) AND c.id > \(builder.bind(after.id))))"
        }
        sql += " ORDER BY \(stretch.order) LIMIT \(builder.bind(limit))"
        return builder.query(sql)
    }
}
