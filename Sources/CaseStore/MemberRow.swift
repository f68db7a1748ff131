import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore

/// Reading and writing member rows.
enum MemberRow {
    static let columns = "id, username, office_id, role, public_key, wrapped_secret"

    static func decode(_ row: Row) throws -> Member {
        guard let id = row.entityID("id"),
            let role = MemberRole(rawValue: row["role"])
        else {
            throw DatabaseError(message: "malformed member row")
        }
        let officeID = row.entityID("office_id")
        let wrapText: String = row["wrapped_secret"]
        return Member(
            id: id, username: row["username"], officeID: officeID, role: role,
            publicKey: try BoxPublicKey(bytes: [UInt8](row["public_key"] as Data)),
            wrappedSecret: try JSONDecoder().decode(PassphraseWrap.self, from: Data(wrapText.utf8)))
    }

    static func one(_ db: Database, username: String) throws -> Member? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM member WHERE username = ?", arguments: [username]).map(decode)
    }

    static func all(_ db: Database, officeID: EntityID?) throws -> [Member] {
        if let officeID {
            return try Row.fetchAll(
                db, sql: "SELECT \(columns) FROM member WHERE office_id = ? ORDER BY username",
                arguments: [officeID]
            ).map(decode)
        }
        return try Row.fetchAll(db, sql: "SELECT \(columns) FROM member WHERE office_id IS NULL ORDER BY username").map(decode)
    }

    static func insert(_ member: Member, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO member (\(columns)) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                member.id, member.username, member.officeID,
                member.role.rawValue, Data(member.publicKey.bytes), try wrapJSON(member),
            ])
    }

    static func wrapJSON(_ member: Member) throws -> String {
        String(decoding: try JSONEncoder().encode(member.wrappedSecret), as: UTF8.self)
    }

    static func leadCount(_ db: Database, officeID: EntityID) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM member WHERE office_id = ? AND role = 'lead'",
            arguments: [officeID]) ?? 0
    }
}
