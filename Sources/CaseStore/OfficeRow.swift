import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore

/// Reading and writing office rows.
enum OfficeRow {
    static func all(_ db: Database) throws -> [Office] {
        try Row.fetchAll(db, sql: "SELECT id, name, public_key, key_version, profile, is_fallback FROM office ORDER BY position")
            .map(decode)
    }

    static func one(_ db: Database, id: EntityID) throws -> Office? {
        try Row.fetchOne(
            db, sql: "SELECT id, name, public_key, key_version, profile, is_fallback FROM office WHERE id = ?",
            arguments: [id]
        ).map(decode)
    }

    static func decode(_ row: Row) throws -> Office {
        guard let id = row.entityID("id") else {
            throw DatabaseError(message: "office id of the wrong length")
        }
        let profileText: String = row["profile"]
        return Office(
            id: id, name: row["name"],
            publicKey: try BoxPublicKey(bytes: [UInt8](row["public_key"] as Data)),
            keyVersion: UInt32(row["key_version"] as Int64),
            profile: try JSONDecoder().decode(OfficeProfile.self, from: Data(profileText.utf8)),
            isFallback: row["is_fallback"] as Bool
        )
    }
}
