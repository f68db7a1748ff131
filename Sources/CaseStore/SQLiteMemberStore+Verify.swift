import Casework
import Foundation
import GRDB
import Sealing

extension SQLiteMemberStore {
    /// Recomputes a whole chain from the database against the server key and, when given, a
    /// checkpoint kept outside the server. What `audit verify` runs. Entries and head are read
    /// in one read transaction (one WAL snapshot), so appends by a running server meanwhile
    /// cannot make an intact chain look broken.
    public func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) async throws -> AuditVerdict {
        try await writer.read { db in
            var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = ? ORDER BY seq
                """, arguments: [Data(chain.bytes)])
            while let row = try rows.next() {
                if !verifier.consume(try AuditLog.decode(row)) { break }
            }
            return verifier.finish(head: try AuditLog.head(chain: chain, db))
        }
    }
}
