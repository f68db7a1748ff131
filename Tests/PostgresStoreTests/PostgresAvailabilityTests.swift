import Foundation
import Intake
import PostgresTesting
import Testing

@testable import PostgresStore

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

    /// A transaction that gets no connection (the pool's only one is held; the same wait as
    /// with the server gone) answers 503 after the lease limit, not after the pool's circuit
    /// breaker; a transaction that got its connection in time runs to its end past that limit.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func noConnectionWithinTheLeaseLimitIsUnavailable() async throws {
        let database = try await PostgresScratch.open(maximumConnections: 1, leaseWithin: .seconds(1))
        let (holding, held) = AsyncStream<Void>.makeStream()
        let (released, release) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await database.read { session in
                held.yield()
                for await _ in released { break }
                // Past the lease limit, on the connection it was lent: it still commits.
                return try await session.rows("SELECT 1").count
            }
        }
        for await _ in holding { break }
        // Should the limit not work, the held connection comes back after 20 s and the
        // expectation below fails instead of the test hanging.
        Task {
            try? await Task.sleep(for: .seconds(20))
            release.yield()
        }
        let started = ContinuousClock.now
        await #expect {
            _ = try await database.offices()
        } throws: { error in
            guard case .unavailable(let reason) = error as? StoreError else { return false }
            return reason.contains("no connection within")
        }
        let waited = ContinuousClock.now - started
        #expect(waited >= .seconds(1), "not before the limit")
        try await Task.sleep(for: .milliseconds(300))
        release.yield()
        #expect(try await holder.value == 1)
        #expect(try await database.offices().isEmpty, "the pool lends again once the connection is back")
    }
}
