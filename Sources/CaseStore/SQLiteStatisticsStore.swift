import Casework
import Foundation
import GRDB
import GRDBSQLite
import SichtbarCore
import Statistics

/// `StatisticsStore` over SQLite: the sealed facets and the counts a release needs. It only reads.
public struct SQLiteStatisticsStore: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    var writer: any DatabaseWriter { database.writer }
}

extension SQLiteStatisticsStore: StatisticsStore {
    /// A release reads every classification of the office (100,000 and more), so the statement
    /// is stepped by hand and each column copied once from SQLite's buffer, rather than decoded
    /// into a `Row` first (as `verifyChain` reads the audit chain). The `(office_id, month)`
    /// index, which holds `id` (the key of this WITHOUT ROWID table), serves the order.
    public func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        try await writer.read { db in
            let statement = try db.cachedStatement(
                sql: "SELECT id, month, key_version, ciphertext FROM case_facets WHERE office_id = ? AND month <= ? ORDER BY month, id")
            try statement.setArguments([officeID, lastMonth])
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var facets: [SealedFacets] = []
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return facets }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                // A damaged id is skipped, as everywhere ids are read.
                guard let id = EntityID(bytes: [UInt8](Self.column(handle, 0))) else { continue }
                facets.append(
                    SealedFacets(
                        id: id, month: String(decoding: Self.column(handle, 1), as: UTF8.self),
                        keyVersion: UInt32(truncatingIfNeeded: sqlite3_column_int64(handle, 2)),
                        ciphertext: [UInt8](Self.column(handle, 3))))
            }
        }
    }

    /// A text or blob column's bytes, valid until the statement steps again; empty for NULL.
    private static func column(_ row: OpaquePointer, _ index: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(row, index)
        let count = Int(sqlite3_column_bytes(row, index))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
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
