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
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    func open() throws -> (AppDatabase, ServerSecrets) {
        guard exists else {
            throw CLIError.badInput("no Sichtbar data in \(path); run `sichtbar init` or `sichtbar demo` first")
        }
        return (try AppDatabase.open(path: databasePath), try ServerSecrets.loadOrCreate(at: secretsURL))
    }

    func openOrCreate() throws -> (AppDatabase, ServerSecrets) {
        try create()
        return (try AppDatabase.open(path: databasePath), try ServerSecrets.loadOrCreate(at: secretsURL))
    }
}
