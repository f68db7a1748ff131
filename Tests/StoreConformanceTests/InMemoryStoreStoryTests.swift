import Foundation
import PostgresTesting
import Testing

/// A story at the store seams (errors, orders, cascades, every store) told to both engines.
@Suite("The in-memory engine's stores answer as SQLite's")
struct InMemoryStoreStoryTests {
    @Test func bothEnginesAnswerTheSame() async throws {
        let inputs = try InMemoryStoryInputs()
        let inMemory = try await Self.story(.inMemory, inputs)
        let sqlite = try await Self.story(.sqlite, inputs)
        for (index, (left, right)) in zip(inMemory, sqlite).enumerated() where left != right {
            Issue.record("line \(index): in memory «\(left)» but SQLite «\(right)»")
        }
        #expect(inMemory.count == sqlite.count)
        // `INMEMORY_TRANSCRIPT=1 swift test --filter InMemory` prints what both engines said.
        if ProcessInfo.processInfo.environment["INMEMORY_TRANSCRIPT"] != nil { print(sqlite.joined(separator: "\n")) }
    }

    /// The same story at the seams told to PostgreSQL: orders, errors and cascades as SQLite's.
    @Test(.enabled(if: PostgresTestServer.isInPlay)) func postgresAnswersAsSQLiteDoes() async throws {
        let inputs = try InMemoryStoryInputs()
        let postgres = try await Self.story(.postgres, inputs)
        let sqlite = try await Self.story(.sqlite, inputs)
        for (index, (left, right)) in zip(postgres, sqlite).enumerated() where left != right {
            Issue.record("line \(index): PostgreSQL «\(left)» but SQLite «\(right)»")
        }
        #expect(postgres.count == sqlite.count)
    }

    static func story(_ engine: Engine, _ inputs: InMemoryStoryInputs) async throws -> [String] {
        var log = InMemoryTranscript()
        let world = try await InMemoryStoryWorld.make(engine, inputs, &log)
        try await world.members(&log)
        try await world.releases(&log)
        try await world.cases(&log)
        try await world.edges(&log)
        try await world.reports(&log)
        try await world.retention(&log)
        try await world.keys(&log)
        try await world.audit(&log)
        return log.lines
    }
}
