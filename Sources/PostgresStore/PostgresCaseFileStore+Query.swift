import Casework
import Foundation
import PostgresNIO
import SichtbarCore

extension PostgresCaseFileStore {
    /// The WHERE and ORDER BY of a case query over `case_file c`, their parameters bound in
    /// `builder` (the LIMIT is the caller's): filters, access, and the cursor of the page before.
    static func clauses(of query: CaseQuery, _ builder: inout SQLBuilder) -> (conditions: String, order: String) {
        var conditions = ["c.office_id = \(builder.bind(query.officeID))"]
        /// Cases one of `members` is assigned to (an empty list matches none).
        func assigned(to members: [EntityID]) {
            conditions.append(
                "EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = c.id AND a.member_id = ANY(\(builder.bind(ids: members))::bytea[]))"
            )
        }
        if let members = query.visibleTo { assigned(to: members) }
        if !query.excludedSteps.isEmpty {
            conditions.append("NOT (c.step = ANY(\(builder.bind(query.excludedSteps))::text[]))")
        }
        if let members = query.assignedTo { assigned(to: members) }
        if query.unassigned {
            conditions.append("NOT EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = c.id)")
        }
        if let step = query.step {
            conditions.append("c.step = \(builder.bind(step))")
        }
        if let range = query.idRange {
            // The ids a reference or its start names: a range of the primary key.
            conditions.append("c.id >= \(builder.bind(bytes: range.lower))")
            if let upper = range.upper { conditions.append("c.id < \(builder.bind(bytes: upper))") }
        }
        if query.unread { conditions.append("c.reporter_unread") }
        switch query.due {
        case .overdue(let today):
            conditions.append("c.next_due < \(builder.bind(today))")
        case .until(let day):
            conditions.append("c.next_due <= \(builder.bind(day))")
        case nil:
            break
        }
        let order: String
        if query.ordersByDue {
            if let after = query.after {
                let day = builder.bind(after.day)
                conditions.append("(c.next_due > \(day) OR (c.next_due = \(day) AND c.id > \(builder.bind(after.id))))")
            }
            order = "c.next_due, c.id"
        } else {
            if let after = query.after {
                let day = builder.bind(after.day)
                conditions.append("(c.received_on < \(day) OR (c.received_on = \(day) AND c.id > \(builder.bind(after.id))))")
            }
            order = "c.received_on DESC, c.id"
        }
        return (conditions.joined(separator: " AND "), order)
    }

    /// The cases of a query as the search by category code scans them: only the sort key and
    /// the sealed classification, so that looking at 2,000 cases reads no keys and no sheets.
    public func classifiedCases(_ query: CaseQuery) async throws -> [ClassifiedCase] {
        var builder = SQLBuilder()
        let (conditions, order) = Self.clauses(of: query, &builder)
        let limit = builder.bind(max(1, min(query.limit, 1_000)))
        let statement = builder.query(
            """
            SELECT c.id, \(query.ordersByDue ? "c.next_due" : "c.received_on") AS day, f.id AS facets_id, f.month, f.key_version, f.ciphertext
            FROM case_file c LEFT JOIN case_facets f ON f.case_id = c.id
            WHERE \(conditions) ORDER BY \(order) LIMIT \(limit)
            """)
        return try await database.read { session in
            try await session.rows(statement).compactMap { row in
                guard let id = row.id("id"), let day = row.day("day") else { return nil }
                let facets = try row.id("facets_id").map {
                    SealedFacets(
                        id: $0, month: try row.string("month"), keyVersion: UInt32(try row.int("key_version")),
                        ciphertext: try row.bytes("ciphertext"))
                }
                return ClassifiedCase(id: id, sortDay: day, facets: facets)
            }
        }
    }

    /// Cases of the office by id, for the few a search matched; ids of other offices are missing.
    public func cases(ids: [EntityID], officeID: EntityID) async throws -> [EntityID: CaseFileRow] {
        guard !ids.isEmpty else { return [:] }
        return try await database.read { session in
            let rows = try await session.rows(
                """
                SELECT \(unescaped: Self.caseColumns) FROM case_file c \(unescaped: Self.sheetJoin)
                WHERE c.id = ANY(\(ids: ids)) AND c.office_id = \(officeID)
                """)
            let assignees = try await Self.assignees(of: ids, session)
            return Dictionary(
                try rows.compactMap { try Self.caseRow($0, assignees: assignees) }.map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
        }
    }
}
