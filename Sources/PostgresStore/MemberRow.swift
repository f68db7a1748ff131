import Casework
import Foundation
import Sealing
import SichtbarCore

/// Reading and writing member rows.
enum MemberRow {
    static func decode(_ row: PostgresColumns) throws -> Member {
        guard let id = row.id("id"), let role = MemberRole(rawValue: try row.string("role")) else {
            throw StoreRowError("malformed member row")
        }
        return Member(
            id: id, username: try row.string("username"), officeID: row.id("office_id"), role: role,
            publicKey: try BoxPublicKey(bytes: try row.bytes("public_key")),
            wrappedSecret: try JSONDecoder().decode(PassphraseWrap.self, from: Data(try row.string("wrapped_secret").utf8)))
    }

    static func one(_ session: PostgresSession, username: String) async throws -> Member? {
        try await session.one(
            "SELECT id, username, office_id, role, public_key, wrapped_secret FROM member WHERE username = \(username)"
        ).map(decode)
    }

    /// The members of an office, or the Verband's analysts for nil, by username.
    static func all(_ session: PostgresSession, officeID: EntityID?) async throws -> [Member] {
        if let officeID {
            return try await session.rows(
                """
                SELECT id, username, office_id, role, public_key, wrapped_secret FROM member WHERE office_id = \(officeID) ORDER BY username
                """
            ).map(decode)
        }
        return try await session.rows(
            "SELECT id, username, office_id, role, public_key, wrapped_secret FROM member WHERE office_id IS NULL ORDER BY username"
        ).map(decode)
    }

    static func insert(_ member: Member, _ session: PostgresSession) async throws {
        try await session.execute(
            """
            INSERT INTO member (id, username, office_id, role, public_key, wrapped_secret)
            VALUES (\(member.id), \(member.username), \(member.officeID), \(member.role.rawValue), \(bytes: member.publicKey.bytes),
                    \(try wrapJSON(member)))
            """)
    }

    static func wrapJSON(_ member: Member) throws -> String {
        String(decoding: try JSONEncoder().encode(member.wrappedSecret), as: UTF8.self)
    }

    static func leadCount(_ session: PostgresSession, officeID: EntityID) async throws -> Int {
        try await session.count("SELECT count(*) FROM member WHERE office_id = \(officeID) AND role = 'lead'")
    }
}
