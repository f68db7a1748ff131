import Foundation
import Intake
import Logging
import PostgresNIO
import SichtbarCore
import Synchronization

/// The PostgreSQL engine's database: a pool of connections to one server (and schema), migrated
/// on opening. Every connection starts with `synchronous_commit = on`, so a commit returns only
/// once it is flushed (and, with `synchronous_standby_names`, on the standby too): what intake
/// answers a receipt on. Transactions run at READ COMMITTED; what SQLite's single writer made
/// safe, locks make safe here (`PostgresSession.lock`), and a deadlock is retried.
public final class PostgresDatabase: Sendable {
    public let url: PostgresURL
    let client: PostgresClient
    private let runner: Task<Void, Never>
    private let whenReleased: (@Sendable () -> Void)?

    /// postgres-nio logs queries and their values at debug level: nothing of that may reach a log.
    static let logger = Logger(label: "sichtbar.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    /// How long opening waits for the first connection before it gives up.
    let connectTimeout: Duration
    /// The longest a reporter waits for intake's commit before being told 503 (a synchronous
    /// standby that is down holds every commit; `GroupCommit`).
    let intakeAnswerWithin: Duration
    /// The longest a transaction waits for a connection from the pool before it answers 503.
    /// With the server gone the pool keeps trying to connect, and its circuit breaker would
    /// fail a waiting request only after about a minute.
    let leaseWithin: Duration

    private init(
        url: PostgresURL, maximumConnections: Int, connectTimeout: Duration, intakeAnswerWithin: Duration,
        leaseWithin: Duration, whenReleased: (@Sendable () -> Void)?
    ) {
        self.url = url
        self.connectTimeout = connectTimeout
        self.intakeAnswerWithin = intakeAnswerWithin
        self.leaseWithin = leaseWithin
        self.whenReleased = whenReleased
        var configuration = url.configuration(startup: [("synchronous_commit", "on"), ("TimeZone", "UTC")])
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = connectTimeout
        let client = PostgresClient(configuration: configuration, backgroundLogger: Self.logger)
        self.client = client
        runner = Task { await client.run() }
    }

    /// Connects (failing after `connectTimeout` when the server does not answer) and migrates.
    /// `whenReleased` runs once the last store lets go of the database and its connections are
    /// closing (the tests drop their scratch schema there).
    public static func open(
        _ url: PostgresURL, maximumConnections: Int = 16, connectTimeout: Duration = .seconds(10),
        intakeAnswerWithin: Duration = .seconds(30), leaseWithin: Duration = .seconds(10),
        whenReleased: (@Sendable () -> Void)? = nil
    ) async throws -> PostgresDatabase {
        let database = PostgresDatabase(
            url: url, maximumConnections: maximumConnections, connectTimeout: connectTimeout,
            intakeAnswerWithin: intakeAnswerWithin, leaseWithin: leaseWithin, whenReleased: whenReleased)
        do {
            try await database.probe()
            try await PostgresMigrations.migrate(database)
        } catch {
            await database.close()
            throw error
        }
        return database
    }

    /// Closes every connection; the database is unusable afterwards.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    deinit {
        runner.cancel()
        whenReleased?()
    }

    /// One round trip within `connectTimeout`, so an unreachable server fails at once rather
    /// than after the pool's circuit breaker.
    func probe() async throws {
        let client = client
        let connectTimeout = connectTimeout
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await client.withConnection { connection in
                    _ = try await connection.query("SELECT 1", logger: Self.logger).collect()
                }
                return true
            }
            group.addTask {
                try await Task.sleep(for: connectTimeout)
                return false
            }
            let answered = try await group.next() ?? false
            group.cancelAll()
            guard answered else { throw StoreError.unavailable("PostgreSQL at \(self.url) did not answer") }
        }
    }

    /// A transaction that writes: the body runs again when PostgreSQL chose it as a deadlock's
    /// victim or could not serialize it, so it must do nothing but database work.
    func write<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN", body)
    }

    /// A read-only transaction on one snapshot: every statement sees the same database.
    func read<T: Sendable>(_ body: (PostgresSession) async throws -> T) async throws -> T {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T: Sendable>(_ begin: PostgresQuery, _ body: (PostgresSession) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            // Whether the pool lent a connection: an error before that is the pool's (no server).
            let lease = LeaseFlag()
            do {
                return try await withinLeaseLimit(lease) {
                    try await self.client.withConnection { connection in
                        lease.lent.store(true, ordering: .releasing)
                        let session = PostgresSession(connection: connection)
                        try await session.execute(begin)
                        do {
                            let value = try await body(session)
                            try await session.execute("COMMIT")
                            return value
                        } catch {
                            try? await session.execute("ROLLBACK")
                            throw error
                        }
                    }
                }
            } catch let error as PSQLError where error.isRetryable && attempt < 8 {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 * attempt))))
            } catch let error as PSQLError where error.isUnavailability {
                throw StoreError.unavailable("PostgreSQL: \(error.sqlState ?? "connection lost")")
            } catch is LeaseTimeout {
                throw StoreError.unavailable("PostgreSQL: no connection within \(leaseWithin)")
            } catch  where !lease.lent.load(ordering: .acquiring) {
                throw StoreError.unavailable("PostgreSQL: no connection")
            }
        }
    }

    /// Whether the pool has lent the transaction its connection.
    private final class LeaseFlag: Sendable {
        let lent = Atomic(false)
    }

    private struct LeaseTimeout: Error {}

    /// Runs `operation`, and cancels it with `LeaseTimeout` if `lease` is not lent within
    /// `leaseWithin` (the pool then drops the waiting request). Once lent, it runs to its end.
    private func withinLeaseLimit<T: Sendable>(_ lease: LeaseFlag, _ operation: () async throws -> T) async throws -> T {
        let limit = leaseWithin
        return try await withoutActuallyEscaping(operation) { operation in
            // The group's tasks end before it returns, so `operation` never outlives this call.
            nonisolated(unsafe) let operation = operation
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    try await Task.sleep(for: limit)
                    guard lease.lent.load(ordering: .acquiring) else { throw LeaseTimeout() }
                    return nil
                }
                while let finished = try await group.next() {
                    guard let value = finished else { continue }
                    group.cancelAll()
                    return value
                }
                throw LeaseTimeout()
            }
        }
    }
}
