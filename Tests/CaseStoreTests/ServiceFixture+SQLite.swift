import App
import Casework
import Foundation
import SichtbarTesting

@testable import CaseStore

extension ServiceFixture where Engine == SQLiteStores {
    /// The service fixture over SQLite (in memory unless `file` is given), for the tests that read
    /// or change its rows; the service tests run it over the in-memory engine.
    static func overSQLite(now: Date = Date(), letters: (any LetterComposer)? = nil, database file: AppDatabase? = nil)
        async throws -> ServiceFixture
    {
        let database = try file ?? AppDatabase.inMemory()
        return try await make(
            now: now, letters: letters, engine: { signer, today in SQLiteStores(database: database, signer: signer, today: today) },
            stores: Stores.init)
    }

    /// The database the tests read and tamper with.
    var database: AppDatabase { engine.database }

    /// The member store by its concrete type (the audit log, `verifyChain`).
    var store: SQLiteMemberStore { engine.members }
}
