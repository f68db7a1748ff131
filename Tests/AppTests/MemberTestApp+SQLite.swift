import App
import CaseStore
import Sealing
import WebTesting

extension MemberTestApp {
    /// The application over in-memory SQLite, and the engine's own stores: the rows a test reads
    /// or tampers with (a stored case, a seal, a retention date) to see how the routes answer.
    static func overSQLite() async throws -> (MemberTestApp, SQLiteStores) {
        let signer = SigningKeyPair()
        let sqlite = SQLiteStores(database: try AppDatabase.inMemory(), signer: signer)
        return (try await MemberTestApp(signer: signer, stores: Stores(sqlite)), sqlite)
    }
}
