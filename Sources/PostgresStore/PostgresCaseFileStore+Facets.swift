import Casework
import Foundation
import SichtbarCore

/// The counsellors' classifications, sealed under the office statistics key.
extension PostgresCaseFileStore {
    public func facets(caseID: EntityID, officeID: EntityID) async throws -> SealedFacets? {
        try await database.read { session in
            guard
                let row = try await session.one(
                    "SELECT id, month, key_version, ciphertext FROM case_facets WHERE case_id = \(caseID) AND office_id = \(officeID)"),
                let id = row.id("id")
            else { return nil }
            return SealedFacets(
                id: id, month: try row.string("month"), keyVersion: UInt32(try row.int("key_version")),
                ciphertext: try row.bytes("ciphertext"))
        }
    }
}
