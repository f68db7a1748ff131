import Foundation
import PostgresStore
import Sealing

/// A fresh, empty, migrated PostgreSQL database for one test: a schema of its own with a random
/// name (every connection's `search_path`), dropped with everything in it once the last store
/// lets go of the database. Schemas a killed test run left behind are swept when an hour old.
public enum PostgresScratch {
    /// Creates the schema and opens the engine's database in it (`maximumConnections` small:
    /// many tests run at once against one server), over `url` (the test server's, by default).
    /// `leaseWithin` is long by default for the same reason as the connect timeout.
    public static func open(
        maximumConnections: Int = 4, through url: PostgresURL? = nil, leaseWithin: Duration = .seconds(120)
    ) async throws -> PostgresDatabase {
        let url = try url ?? PostgresTestServer.url()
        await sweeper.sweepOnce()
        let schema = "sichtbar_test_" + Hex.encode(Sodium.randomBytes(8))
        try await PostgresTestServer.execute("CREATE SCHEMA \(schema)")
        try await PostgresTestServer.execute("COMMENT ON SCHEMA \(schema) IS '\(Int(Date().timeIntervalSince1970))'")
        do {
            // Every suite runs at once on two cores: the first round trip may wait long for a thread.
            return try await PostgresDatabase.open(
                url.with(schema: schema), maximumConnections: maximumConnections, connectTimeout: .seconds(120),
                // Intake's time limit is for a standby that is down, not for a starved test machine.
                intakeAnswerWithin: .seconds(600), leaseWithin: leaseWithin
            ) {
                Task.detached { try? await PostgresTestServer.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") }
            }
        } catch {
            try? await PostgresTestServer.execute("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
    }

    private static let sweeper = Sweeper()
}
