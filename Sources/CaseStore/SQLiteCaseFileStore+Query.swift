import Casework
import Foundation
import GRDB
import SichtbarCore

extension SQLiteCaseFileStore {
    /// The WHERE and ORDER BY of a case query over `case_file c`, with their arguments (the
    /// LIMIT is the caller's): filters, access, and the cursor of the page before.
    static func clauses(of query: CaseQuery) -> (conditions: String, order: String, arguments: StatementArguments) {
        var conditions = ["c.office_id = ?"]
        var arguments: StatementArguments = [query.officeID]
        /// Cases one of `members` is assigned to (an empty list matches none).
        func assigned(to members: [EntityID]) {
            let marks = Array(repeating: "?", count: max(members.count, 1)).joined(separator: ", ")
            conditions.append("EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = c.id AND a.member_id IN (\(marks)))")
            arguments += members.isEmpty ? [Data()] : StatementArguments(members)
        }
        if let members = query.visibleTo { assigned(to: members) }
        if !query.excludedSteps.isEmpty {
            conditions.append("c.step NOT IN (\(Array(repeating: "?", count: query.excludedSteps.count).joined(separator: ", ")))")
            arguments += StatementArguments(query.excludedSteps)
        }
        if let members = query.assignedTo { assigned(to: members) }
        if query.unassigned {
            conditions.append("NOT EXISTS (SELECT 1 FROM case_assignee a WHERE a.case_id = c.id)")
        }
        if let step = query.step {
            conditions.append("c.step = ?")
            arguments += [step]
        }
        if let range = query.idRange {
            // The ids a reference or its start names: a range of the primary key.
            conditions.append("c.id >= ?")
            arguments += [Data(range.lower)]
            if let upper = range.upper {
                conditions.append("c.id < ?")
                arguments += [Data(upper)]
            }
        }
        if query.unread { conditions.append("c.reporter_unread = 1") }
        switch query.due {
        case .overdue(let today):
            conditions.append("c.next_due < ?")
            arguments += [today.iso]
        case .until(let day):
            conditions.append("c.next_due <= ?")
            arguments += [day.iso]
        case nil:
            break
        }
        let order: String
        if query.ordersByDue {
            if let after = query.after {
                conditions.append("(c.next_due > ? OR (c.next_due = ? AND c.id > ?))")
                arguments += [after.day.iso, after.day.iso, after.id]
            }
            order = "c.next_due, c.id"
        } else {
            if let after = query.after {
                conditions.append("(c.received_on < ? OR (c.received_on = ? AND c.id > ?))")
                arguments += [after.day.iso, after.day.iso, after.id]
            }
            order = "c.received_on DESC, c.id"
        }
        return (conditions.joined(separator: " AND "), order, arguments)
    }

    /// The cases of a query as the search by category code scans them: only the sort key and
    /// the sealed classification, so that looking at 2,000 cases reads no keys and no sheets.
    /// Without a filter the office's (received_on, id) index covers the scan (a third of the time
    /// at 100,000 cases); the classification is one lookup by case id.
    public func classifiedCases(_ query: CaseQuery) async throws -> [ClassifiedCase] {
        try await writer.read { db in
            let (conditions, order, arguments) = Self.clauses(of: query)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, \(query.ordersByDue ? "c.next_due" : "c.received_on"), f.id, f.month, f.key_version, f.ciphertext
                    FROM case_file c LEFT JOIN case_facets f ON f.case_id = c.id
                    WHERE \(conditions) ORDER BY \(order) LIMIT ?
                    """, arguments: arguments + [max(1, min(query.limit, 1_000))]
            ).compactMap { row in
                guard let id = row.entityID(0), let day = row.day(1) else {
                    return nil
                }
                let facets = row.entityID(2).map {
                    SealedFacets(id: $0, month: row[3], keyVersion: UInt32(row[4] as Int64), ciphertext: [UInt8](row[5] as Data))
                }
                return ClassifiedCase(id: id, sortDay: day, facets: facets)
            }
        }
    }

    /// Cases of the office by id, for the few a search matched; ids of other offices are missing.
    public func cases(ids: [EntityID], officeID: EntityID) async throws -> [EntityID: CaseFileRow] {
        guard !ids.isEmpty else { return [:] }
        return try await writer.read { db in
            let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.caseColumns) FROM case_file c WHERE c.id IN (\(marks)) AND +c.office_id = ?
                    """, arguments: StatementArguments(ids + [officeID]))
            let assignees = try Self.assignees(of: ids, db)
            return Dictionary(
                rows.compactMap { Self.caseRow($0, assignees: assignees) }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
