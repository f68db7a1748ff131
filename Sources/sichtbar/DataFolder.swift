import CaseStore
import Foundation

/// The data folder: the server secrets, and the SQLite database unless `--database` names another
/// store. Readable by the service user only.
struct DataFolder {
    let path: String

    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }
    var databasePath: String { url.appendingPathComponent("sichtbar.sqlite").path }
    var secretsURL: URL { url.appendingPathComponent("server.secrets") }

    var exists: Bool { FileManager.default.fileExists(atPath: databasePath) }
    var hasSecrets: Bool { FileManager.default.fileExists(atPath: secretsURL.path) }

    /// Creates the folder with mode 0700 when missing.
    func create() throws {
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }

    /// The SQLite store of this folder (backup and restore, which copy that file).
    func open() throws -> (AppDatabase, ServerSecrets) {
        guard exists else {
            throw CLIError.badInput("no Sichtbar data in \(path); run `sichtbar init` or `sichtbar demo` first")
        }
        try requireSecrets(for: databasePath)
        return (try AppDatabase.open(path: databasePath), try ServerSecrets.loadOrCreate(at: secretsURL))
    }

    /// An existing store at `location` with this folder's secrets.
    func open(_ location: StoreLocation, poolSize: Int = 4, intakeWait: Duration = .seconds(30)) async throws -> CommandStore {
        switch location {
        case .sqlite(let file):
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIError.badInput("no Sichtbar data in \(file); run `sichtbar init` or `sichtbar demo` first")
            }
            try requireSecrets(for: file)
        case .postgres:
            guard hasSecrets else {
                throw CLIError.badInput(
                    "\(path) holds no server.secrets: a PostgreSQL store is opened with the secrets of the data folder "
                        + "that `sichtbar init --database` made; copy that folder to this machine and name it with --data")
            }
        }
        let store = try await CommandStore.open(
            location, secrets: try ServerSecrets.loadOrCreate(at: secretsURL), poolSize: poolSize, intakeWait: intakeWait)
        let members = store.members()
        if case .postgres = location, try await members.offices().isEmpty, try await members.verband() == nil {
            await store.close()
            throw CLIError.badInput("no Sichtbar data in \(location); run `sichtbar init --database …` first")
        }
        return store
    }

    /// A store at `location`, made when new. A fresh folder gets its secrets before its database,
    /// so a crash in between never leaves a database without them; an existing database never
    /// gets new ones.
    func openOrCreate(_ location: StoreLocation, poolSize: Int = 4) async throws -> CommandStore {
        try create()
        switch location {
        case .sqlite(let file):
            if FileManager.default.fileExists(atPath: file) { try requireSecrets(for: file) }
            return try await CommandStore.open(location, secrets: try ServerSecrets.loadOrCreate(at: secretsURL), poolSize: poolSize)
        case .postgres:
            if hasSecrets {
                return try await CommandStore.open(location, secrets: try ServerSecrets.loadOrCreate(at: secretsURL), poolSize: poolSize)
            }
            // Opening with throw-away secrets only to ask whether the database is empty: they
            // sign nothing, and the folder's own are made before anything is written.
            let probe = try await CommandStore.open(location, secrets: ServerSecrets.generate(), poolSize: 1)
            let members = probe.stores().members
            let offices = try await members.offices()
            let verband = try await members.verband()
            let empty = offices.isEmpty && verband == nil
            await probe.close()
            guard empty else {
                throw CLIError.badInput(
                    "\(location) holds Sichtbar data but \(secretsURL.path) is missing; refusing to make new secrets, "
                        + "which would orphan every receipt and the audit signatures. Copy server.secrets from the data folder it was made with."
                )
            }
            return try await CommandStore.open(location, secrets: try ServerSecrets.loadOrCreate(at: secretsURL), poolSize: poolSize)
        }
    }

    /// A database whose secrets file is gone must not get new secrets: receipts would stop
    /// opening their mailboxes, and the audit chain would be signed by a key nobody pinned.
    /// The operator restores the file from the backup instead.
    private func requireSecrets(for database: String) throws {
        guard !hasSecrets else { return }
        throw CLIError.badInput(
            "\(database) exists but its secrets file \(secretsURL.path) is missing; refusing to make new secrets, "
                + "which would orphan every receipt and the audit signatures. Restore server.secrets from the backup.")
    }
}
