import Foundation
import PostgresStore
import Sealing

/// A fresh, empty, migrated PostgreSQL database for one test: a schema of its own with a random
/// name (every connection's `search_path`), dropped with everything in it once the last store
/// lets go of the database. Schemas a killed test run left behind are swept when an hour old.
public enum PostgresScratch {
    /// Creates the schema and opens the engine's database in it (`maximumConnections` small:
    /// many tests run at once against one server).
    public static func open(maximumConnections: Int = 4) async throws -> PostgresDatabase {
        let url = try PostgresTestServer.url()
        await sweeper.sweepOnce()
        let schema = "sichtbar_test_" + Hex.encode(Sodium.randomBytes(8))
        try await PostgresTestServer.execute("CREATE SCHEMA \(schema)")
        try await PostgresTestServer.execute("COMMENT ON SCHEMA \(schema) IS '\(Int(Date().timeIntervalSince1970))'")
        do {
            return try await PostgresDatabase.open(url.with(schema: schema), maximumConnections: maximumConnections) {
                Task.detached { try? await PostgresTestServer.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
            }
        } catch {
            try? await PostgresTestServer.execute("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
    }

    private static let sweeper = Sweeper()
}

/// Drops, once per process, the scratch schemas older than an hour (their comment is the second they were made in).
private actor Sweeper {
    private var done = false

    func sweepOnce() async {
        guard !done else { return }
        done = true
        let cutoff = Int(Date().timeIntervalSince1970) - 3600
        try? await PostgresTestServer.execute(
            """
            DO $$ DECLARE s record; BEGIN
              FOR s IN SELECT n.nspname FROM pg_namespace n
                       WHERE n.nspname LIKE 'sichtbar\\_test\\_%' AND coalesce(obj_description(n.oid, 'pg_namespace'), '') ~ '^[0-9]+$'
                         AND obj_description(n.oid, 'pg_namespace')::bigint < \(cutoff)
              LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); END LOOP;
            END $$
            """)
    }
}
