import CaseStore
import Foundation

/// The data folder: the database and the server secrets, readable by the service user only.
struct DataFolder {
    let path: String

    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }
    var databasePath: String { url.appendingPathComponent("sichtbar.sqlite").path }
    var secretsURL: URL { url.appendingPathComponent("server.secrets") }

    var exists: Bool { FileManager.default.fileExists(atPath: databasePath) }

    /// Creates the folder with mode 0700 when missing.
    func create() throws {
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
    }

    func open() throws -> (AppDatabase, ServerSecrets) {
        guard exists else {
            throw CLIError.badInput("no Sichtbar data in \(path); run `sichtbar init` or `sichtbar demo` first")
        }
        try requireSecrets()
        return (try AppDatabase.open(path: databasePath), try ServerSecrets.loadOrCreate(at: secretsURL))
    }

    /// A fresh folder gets its secrets before its database, so a crash in between never leaves
    /// a database without them; an existing database never gets new ones.
    func openOrCreate() throws -> (AppDatabase, ServerSecrets) {
        try create()
        if exists { try requireSecrets() }
        let secrets = try ServerSecrets.loadOrCreate(at: secretsURL)
        return (try AppDatabase.open(path: databasePath), secrets)
    }

    /// A database whose secrets file is gone must not get new secrets: receipts would stop
    /// opening their mailboxes, and the audit chain would be signed by a key nobody pinned.
    /// The operator restores the file from the backup instead.
    private func requireSecrets() throws {
        guard !FileManager.default.fileExists(atPath: secretsURL.path) else { return }
        throw CLIError.badInput(
            "\(databasePath) exists but its secrets file \(secretsURL.path) is missing; refusing to make new secrets, "
                + "which would orphan every receipt and the audit signatures. Restore server.secrets from the backup.")
    }
}
