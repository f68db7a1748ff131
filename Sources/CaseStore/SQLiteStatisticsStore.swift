import Casework
import Foundation
import GRDB
import SichtbarCore
import Statistics

/// `StatisticsStore` over SQLite: the sealed facets and the counts a release needs. It only reads.
public struct SQLiteStatisticsStore: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    var writer: any DatabaseWriter { database.writer }
}

extension SQLiteStatisticsStore: StatisticsStore {
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try await writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, month, key_version, ciphertext FROM case_facets WHERE office_id = ? AND month <= ? ORDER BY month, id
                    """, arguments: [officeID, lastMonth]
            ).compactMap { row in
                guard let id = row.entityID(0) else { return nil }
                return SealedFacets(id: id, month: row[1], keyVersion: UInt32(row[2] as Int64), ciphertext: [UInt8](row[3] as Data))
            }
        }
    }

    public func unclassifiedReports(officeID: EntityID, months: [String]) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT coalesce(sum(unclassified), 0) FROM intake_month WHERE office_id = ? AND month IN (SELECT value FROM json_each(?))",
                arguments: [officeID, Self.jsonList(months)]) ?? 0
        }
    }

    public func tallyCount(officeID: EntityID, months: [String]) async throws -> Int {
        try await writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM contact_tally WHERE office_id = ? AND month IN (SELECT value FROM json_each(?))",
                arguments: [officeID, Self.jsonList(months)]) ?? 0
        }
    }

    /// Months as a JSON array for `json_each`: one bound parameter however many months.
    static func jsonList(_ months: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(months), as: UTF8.self)) ?? "[]"
    }
}
