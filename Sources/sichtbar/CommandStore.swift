import App
import CaseStore
import Foundation
import Members
import PostgresStore
import Sealing
import SichtbarCore

/// A command's opened store: one engine's every seam, with the server secrets of the data folder.
/// What only one engine offers (SQLite's online backup, the demo's relaxed commits) is reached
/// through `engine`; everything else goes through the seams, so a command behaves the same on both.
struct CommandStore: Sendable {
    enum Engine: Sendable {
        case sqlite(AppDatabase)
        case postgres(PostgresDatabase)
    }

    let engine: Engine
    let secrets: ServerSecrets

    /// Every seam; `today` is the audit log's day (the demo plays two years on its own clock).
    func stores(today: @escaping @Sendable () -> Day = { Day(Date()) }) -> Stores {
        switch engine {
        case .sqlite(let database): return .sqlite(database, signer: secrets.signing, today: today)
        case .postgres(let database): return .postgres(database, signer: secrets.signing, today: today)
        }
    }

    /// The member store with what the operator's commands need beyond the seam (chain verification).
    func members(today: @escaping @Sendable () -> Day = { Day(Date()) }) -> any OperatorMemberStore {
        switch engine {
        case .sqlite(let database): return SQLiteMemberStore(database: database, signer: secrets.signing, today: today)
        case .postgres(let database):
            return PostgresStores(database: database, signer: secrets.signing, today: today).members
        }
    }

    var setup: any StoreSetup {
        switch engine {
        case .sqlite(let database): return database
        case .postgres(let database): return database
        }
    }

    /// Closes PostgreSQL's connections; SQLite's close with the process.
    func close() async {
        if case .postgres(let database) = engine { await database.close() }
    }

    /// Opens `location` (migrating it) with `secrets`; PostgreSQL gets a small pool for a
    /// command and `poolSize` connections for the server.
    static func open(
        _ location: StoreLocation, secrets: ServerSecrets, poolSize: Int = 4, intakeWait: Duration = .seconds(30)
    ) async throws -> CommandStore {
        switch location {
        case .sqlite(let path):
            return CommandStore(engine: .sqlite(try AppDatabase.open(path: path)), secrets: secrets)
        case .postgres(let url):
            do {
                let database = try await PostgresDatabase.open(url, maximumConnections: poolSize, intakeAnswerWithin: intakeWait)
                return CommandStore(engine: .postgres(database), secrets: secrets)
            } catch let error as FieldError {
                throw CLIError.badInput("--database: \(error.message)")
            } catch {
                throw CLIError.checkFailed("cannot open the PostgreSQL database \(url): \(String(reflecting: error))")
            }
        }
    }
}

/// The operator's view of the member store: the seam, and the audit chains to verify.
protocol OperatorMemberStore: MemberStore {
    func chains() async throws -> [EntityID]
    func verifyChain(_ chain: EntityID, key: SigningPublicKey, anchor: AuditHead?) async throws -> AuditVerdict
}

extension SQLiteMemberStore: OperatorMemberStore {}
extension PostgresMemberStore: OperatorMemberStore {}

extension OperatorMemberStore {
    func verifyChain(_ chain: EntityID, key: SigningPublicKey) async throws -> AuditVerdict {
        try await verifyChain(chain, key: key, anchor: nil)
    }
}
