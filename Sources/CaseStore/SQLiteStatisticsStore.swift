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
    /// A release reads every classification of the office (100,000 and more), so the rows are
    /// read through a cursor, each column copied once from SQLite's buffer, instead of being
    /// materialised as `Row`s first. The `(office_id, month)` index (which holds `id`, the key of
    /// this WITHOUT ROWID table) serves the order.
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try await writer.read { db in
            let rows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: "SELECT id, month, key_version, ciphertext FROM case_facets WHERE office_id = ? AND month <= ? ORDER BY month, id"),
                arguments: [officeID, lastMonth])
            var facets: [SealedFacets] = []
            while let row = try rows.next() {
                let id = try row.withUnsafeData(atIndex: 0) { $0.flatMap { EntityID(bytes: [UInt8]($0)) } }
                let ciphertext = try row.withUnsafeData(atIndex: 3) { $0.map { [UInt8]($0) } }
                guard let id, let ciphertext, let month = row[1] as String? else { continue }
                facets.append(
                    SealedFacets(id: id, month: month, keyVersion: UInt32(truncatingIfNeeded: row[2] as Int64), ciphertext: ciphertext))
            }
            return facets
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
