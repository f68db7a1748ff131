import Casework
import Foundation
import Sealing
import SichtbarCore

/// Reading office rows.
enum OfficeRow {
    static func all(_ session: PostgresSession) async throws -> [Office] {
        try await session.rows("SELECT id, name, public_key, key_version, profile, is_fallback FROM office ORDER BY position").map(decode)
    }

    static func one(_ session: PostgresSession, id: EntityID) async throws -> Office? {
        try await session.one("SELECT id, name, public_key, key_version, profile, is_fallback FROM office WHERE id = \(id)").map(decode)
    }

    static func decode(_ row: PostgresColumns) throws -> Office {
        guard let id = row.id("id") else { throw StoreRowError("office id of the wrong length") }
        return Office(
            id: id, name: try row.string("name"),
            publicKey: try BoxPublicKey(bytes: try row.bytes("public_key")),
            keyVersion: UInt32(try row.int("key_version")),
            profile: try JSONDecoder().decode(OfficeProfile.self, from: Data(try row.string("profile").utf8)),
            isFallback: try row.bool("is_fallback"))
    }
}
