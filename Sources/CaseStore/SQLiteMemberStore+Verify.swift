import Casework
import Foundation
import GRDB
import GRDBSQLite
import Sealing
import SichtbarCore

extension SQLiteMemberStore {
    /// Recomputes a whole chain from the database against the server key and, when given, a
    /// checkpoint kept outside the server. What `audit verify` runs. Entries and head are read
    /// in one read transaction (one WAL snapshot), so appends by a running server meanwhile
    /// cannot make an intact chain look broken.
    public func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) async throws -> AuditVerdict {
        try await writer.read { db in
            var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
            let statement = try db.makeStatement(
                sql: """
                    SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = ? ORDER BY seq
                    """)
            try statement.setArguments([chain])
            try Self.stepRows(of: statement, db) { row in
                // The stored bytes as they are, borrowed until the next step: an edited field then
                // fails on its hash.
                verifier.consume(
                    sequence: UInt64(bitPattern: sqlite3_column_int64(row, 0)),
                    event: AuditChain.EventBytes(
                        at: Self.columnBytes(row, 1), actor: Self.columnBytes(row, 2),
                        action: Self.columnBytes(row, 3), subject: Self.columnBytes(row, 4)),
                    hash: Self.columnBytes(row, 5))
            }
            return verifier.finish(head: try AuditLog.head(chain: chain, db))
        }
    }

    /// Steps `statement` by hand, calling `body` with each row until it returns false. GRDB's
    /// cursors decode every value into a `Row`; a million audit rows are hashed in place instead.
    private static func stepRows(of statement: Statement, _ db: Database, _ body: (OpaquePointer) -> Bool) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            if !body(handle) { return }
        }
    }

    /// A text or blob column's bytes, valid until the statement steps again; empty for NULL.
    private static func columnBytes(_ row: OpaquePointer, _ column: Int32) -> UnsafeRawBufferPointer {
        let pointer = sqlite3_column_blob(row, column)
        let count = Int(sqlite3_column_bytes(row, column))
        return UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count)
    }
}
