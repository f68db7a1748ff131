import Casework
import Foundation
import GRDB
import Sealing

extension SQLiteMemberStore {
    /// Recomputes a whole chain from the database against the server key and, when given, a
    /// checkpoint kept outside the server. What `audit verify` runs.
    public func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead? = nil) async throws -> AuditVerdict {
        var verifier = AuditVerifier(chain: chain, key: key, anchor: anchor)
        try await forEachAuditEntry(chain: chain) { verifier.consume($0) }
        return verifier.finish(head: try await auditHead(chain: chain))
    }
}
