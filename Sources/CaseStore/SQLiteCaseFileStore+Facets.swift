import Casework
import Foundation
import GRDB
import SichtbarCore

/// The counsellors' classifications, sealed under the office statistics key.
extension SQLiteCaseFileStore {
    public func facets(caseID: EntityID, officeID: EntityID) async throws -> SealedFacets? {
        try await writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, month, key_version, ciphertext FROM case_facets WHERE case_id = ? AND office_id = ?",
                arguments: [caseID, officeID]
            ).flatMap { row in
                row.entityID("id").map {
                    SealedFacets(
                        id: $0, month: row["month"], keyVersion: UInt32(row["key_version"] as Int64),
                        ciphertext: [UInt8](row["ciphertext"] as Data))
                }
            }
        }
    }
}
