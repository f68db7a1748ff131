import Foundation
import PostgresNIO
import PostgresTesting
import Sealing
import SichtbarCore
import Testing

@testable import PostgresStore

/// The PostgreSQL migrations: frozen, applied once each in a transaction, and the schema they
/// make keeps the promises SQLite's does.
@Suite struct PostgresMigrationTests {
    /// The first 16 bytes of BLAKE2b over each migration's SQL, in lower-case hex: editing a
    /// shipped migration breaks every database made with it, so a change is a new migration.
    static let frozen: [String: String] = [
        "v1": "241bf9b2bb411270b70a5c3b3d03853d"
    ]

    @Test(arguments: PostgresMigrations.ordered.map(\.name))
    func aShippedMigrationIsUnchanged(_ name: String) throws {
        let sql = try #require(PostgresMigrations.ordered.first { $0.name == name }?.sql)
        let digest = Hex.encode(KeyedHash.digest(Array(sql.utf8), length: 16))
        #expect(digest == Self.frozen[name], "PostgresMigrations.\(name) changed, or is new without its digest here")
    }

    @Test func everyMigrationHasItsDigestAndNoDigestIsLeftOver() {
        #expect(Set(PostgresMigrations.ordered.map(\.name)) == Set(Self.frozen.keys))
        #expect(PostgresMigrations.ordered.map(\.name) == (1...PostgresMigrations.ordered.count).map { "v\($0)" }, "appended in order")
    }

    @Test func statementsEndWithASemicolonAtTheEndOfALine() {
        let sql = "CREATE TABLE a (\n    x text CHECK (x <> ';')\n);\n\nCREATE INDEX b ON a(x);\nCOMMENT ON TABLE a IS 'c'"
        #expect(
            PostgresMigrations.statements(sql) == [
                "CREATE TABLE a (\n    x text CHECK (x <> ';')\n);", "CREATE INDEX b ON a(x);", "COMMENT ON TABLE a IS 'c'",
            ])
        #expect(PostgresMigrations.statements(PostgresMigrations.v1).count == 44)
    }

    /// v1 makes SQLite's final tables (v13), records itself, and opening again applies nothing.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func v1MakesSQLitesFinalTablesOnce() async throws {
        let database = try await PostgresScratch.open()
        let tables = try await database.read { session in
            try await session.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                .map { try $0.string(0) }
        }
        #expect(
            Set(tables) == [
                "schema_migrations", "office", "member", "office_key_seal", "invitation", "case_file", "mailbox", "record", "intake_month",
                "verband", "verband_key_seal", "key_rotation", "audit_event", "audit_head", "audit_pending", "audit_checkpoint",
                "case_assignee", "case_facets", "contact_tally", "stat_release", "stat_published", "stat_published_history",
                "key_manifest", "verband_manifest", "member_cover", "retention_dropped_year", "member_notify",
            ])
        let office = try await database.createOffice(name: "Beratungsstelle", profile: .init(), keys: try OfficeKeys.generate())
        try await PostgresMigrations.migrate(database)
        #expect(try await database.offices().map(\.id) == [office.id], "a second run changes nothing")
        let applied = try await database.read { session in
            try await session.rows("SELECT name FROM schema_migrations ORDER BY name").map { try $0.string(0) }
        }
        #expect(applied == ["v1"])
    }

    /// No column numbers rows as they arrive (only the public publication history does, on
    /// purpose), and sealed payloads are stored uncompressed: their sizes are as padded.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func v1RecordsNoArrivalOrderAndCompressesNoCiphertext() async throws {
        let database = try await PostgresScratch.open()
        let (sequenced, storage, collations) = try await database.read { session in
            let sequenced = try await session.rows(
                """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND (column_default LIKE 'nextval%' OR is_identity = 'YES' OR data_type = 'serial')
                """
            ).map { try $0.string(0) }
            let storage = try await session.rows(
                """
                SELECT c.relname || '.' || a.attname || '=' || a.attstorage::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind = 'r' AND a.attname = 'ciphertext'
                ORDER BY 1
                """
            ).map { try $0.string(0) }
            let collations = try await session.rows(
                """
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND collation_name = 'C' ORDER BY 1
                """
            ).map { try $0.string(0) }
            return (sequenced, storage, collations)
        }
        #expect(sequenced.isEmpty, "\(sequenced)")
        #expect(storage == ["case_facets.ciphertext=e", "record.ciphertext=e"])
        for column in ["case_file.received_on", "case_file.next_due", "member.username", "audit_event.subject", "stat_release.period"] {
            #expect(collations.contains(column), "\(column) compares byte by byte")
        }
    }

    /// The checks SQLite's schema makes, made here too.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func v1RefusesWhatSQLitesSchemaRefuses() async throws {
        let database = try await PostgresScratch.open()
        let office = try await database.createOffice(name: "A", profile: .init(), keys: try OfficeKeys.generate())
        let other = try await database.createOffice(name: "B", profile: .init(), keys: try OfficeKeys.generate())
        let refused: [PostgresQuery] = [
            "INSERT INTO contact_tally (id, office_id, month, channel) VALUES ('\\x00'::bytea, \(office.id), '2026-01', 'telefon')",
            "INSERT INTO stat_release (id, office_id, period, created_at, key_version, sealed) VALUES (\(EntityID.random()), \(office.id), '2026-Q5', 'x', 1, '\\x00')",
            """
            INSERT INTO stat_release (id, office_id, period, created_at, key_version, sealed, sent_at)
            VALUES (\(EntityID.random()), \(office.id), '2026', 'x', 1, '\\x00', 'y')
            """,
            "UPDATE office SET is_fallback = true",
            "INSERT INTO intake_month (office_id, month, unclassified) VALUES (\(office.id), '2026-01', -1)",
            "INSERT INTO retention_dropped_year (office_id, year) VALUES (\(office.id), '26')",
        ]
        for statement in refused {
            await #expect(throws: PSQLError.self, "\(statement.sql)") {
                try await database.write { session in try await session.execute(statement) }
            }
        }
        try await database.setFallbackOffice(other.id)
        #expect(try await database.offices().map(\.isFallback) == [false, true])
    }
}
