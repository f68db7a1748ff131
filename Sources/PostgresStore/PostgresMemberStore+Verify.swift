import Casework
import Foundation
import PostgresNIO
import Sealing
import SichtbarCore

extension PostgresMemberStore {
    /// Recomputes a whole chain from the database against the server key and, when given, a
    /// checkpoint kept outside the server: what `audit verify` runs. Entries and head are read in
    /// one snapshot (a REPEATABLE READ transaction), so appends by a running server meanwhile
    /// cannot make an intact chain look broken; rows stream through the verifier, never all in memory.
    public func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) async throws -> AuditVerdict {
        try await database.read { session in
            var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
            let rows = try await session.connection.query(
                "SELECT seq, at, actor, action, subject, hash FROM audit_event WHERE chain = \(chain) ORDER BY seq",
                logger: PostgresDatabase.logger)
            for try await row in rows {
                // The stored text as it is: an edited field fails on its hash. The first break ends the walk.
                if !verifier.consume(try PostgresAuditLog.decode(PostgresColumns(row))) { break }
            }
            return verifier.finish(head: try await PostgresAuditLog.head(chain: chain, session))
        }
    }

    /// Streams a chain through `body` in order, in pages, without holding it all.
    public func forEachAuditEntry(chain: EntityID, pageSize: Int = 20_000, _ body: (AuditEntry) -> Bool) async throws {
        var next: UInt64 = 0
        while true {
            let page = try await auditEntries(chain: chain, from: next, limit: pageSize)
            for entry in page where !body(entry) { return }
            guard let last = page.last, page.count == pageSize else { return }
            next = last.sequence + 1
        }
    }
}
