import Foundation
import Intake
import PostgresStore
import PostgresTesting
import Testing

/// The test server is there whenever the PostgreSQL cases are expected to run, and an unreachable
/// server is an unavailable store (503), not a hang.
@Suite struct PostgresAvailabilityTests {
    /// With `SICHTBAR_REQUIRE_POSTGRES=1` and no server, this fails rather than leaving the
    /// PostgreSQL cases out in silence.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func theTestServerAnswersWhenTheSuitesNeedIt() async throws {
        let database = try await PostgresScratch.open()
        #expect(try await database.offices().isEmpty)
        #expect(await database.isWritable())
        #expect(try await database.serverVersion() >= 130_000)
    }

    /// The socket form of the URL reaches the same server (`.ci/postgres` names its socket).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SICHTBAR_TEST_POSTGRES_SOCKET"] != nil))
    func theServerAnswersOnItsUnixSocket() async throws {
        let text = try #require(ProcessInfo.processInfo.environment["SICHTBAR_TEST_POSTGRES_SOCKET"])
        let url = try PostgresURL(text)
        #expect(url.socketPath?.hasSuffix("/.s.PGSQL.\(url.port)") == true)
        let database = try await PostgresScratch.open(maximumConnections: 1, through: url)
        #expect(try await database.serverVersion() >= 130_000)
    }

    @Test func anUnreachableServerIsUnavailableWithinTheConnectTimeout() async throws {
        let url = try PostgresURL("postgres://nobody@127.0.0.1:1/none?sslmode=disable")
        let started = ContinuousClock.now
        await #expect {
            _ = try await PostgresDatabase.open(url, connectTimeout: .seconds(1))
        } throws: { error in
            if case .unavailable = error as? StoreError { return true }
            return false
        }
        // One second alone. With every suite running at once on two cores the test process's
        // threads can be busy for minutes (seen: 211 s), so this only checks that it ends, and
        // is no timing test.
        #expect(ContinuousClock.now - started < .seconds(600))
    }
}
