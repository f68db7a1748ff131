import PostgresStore
import SichtbarCore

/// Where a command's store lives: `--database URL`, else `SICHTBAR_DATABASE`, else the SQLite
/// file in the data folder. `postgres://…` (or `postgresql://…`) selects PostgreSQL; a path or
/// `sqlite://PATH` names a SQLite file. The server secrets stay in the data folder either way.
enum StoreLocation: Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// Parses `text`; nil or empty is the data folder's own SQLite file.
    init(_ text: String?, folder: DataFolder) throws {
        guard let text, !text.isEmpty else {
            self = .sqlite(path: folder.databasePath)
            return
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            do {
                self = .postgres(try PostgresURL(text))
            } catch let error as FieldError {
                throw CLIError.badInput("--database: \(error.message)")
            }
        } else if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw CLIError.badInput("--database: sqlite:// names no file") }
            self = .sqlite(path: path)
        } else if text.contains("://") {
            throw CLIError.badInput("--database takes postgres://USER@HOST/DATABASE or the path of a SQLite file")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// A password given on the command line is in the process list for every user of the
    /// machine to read: said once, on standard error, with the way that keeps it out.
    func warnIfPasswordOnCommandLine() {
        guard case .postgres(let url) = self, url.password != nil else { return }
        printError(
            "warning: the database password on the command line can be read by other users of this machine in the process list; "
                + "set SICHTBAR_DATABASE instead (for systemd: EnvironmentFile= with mode 0600)")
    }

    /// For messages: a PostgreSQL URL without its password.
    var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url.description
        }
    }
}
