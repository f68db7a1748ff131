import ArgumentParser
import Foundation

/// `--data DIR`, defaulting to `SICHTBAR_DATA` or `./sichtbar-data`, and `--database URL`,
/// defaulting to `SICHTBAR_DATABASE` or the SQLite file in the data folder.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder with the server secrets (default: $SICHTBAR_DATA or ./sichtbar-data).")
    var data: String?

    @Option(name: .long, help: DataOptions.databaseHelp)
    var database: String?

    /// `--database`'s help, shared with `demo` (which has its own `--data` default).
    static let databaseHelp = ArgumentHelp(
        "The store: postgres://USER@HOST/DATABASE, or a SQLite file (default: $SICHTBAR_DATABASE, else sichtbar.sqlite in the data folder).",
        valueName: "URL")

    var folder: DataFolder {
        DataFolder(path: data ?? ProcessInfo.processInfo.environment["SICHTBAR_DATA"] ?? "./sichtbar-data")
    }

    func location() throws -> StoreLocation {
        let location = try StoreLocation(database ?? ProcessInfo.processInfo.environment["SICHTBAR_DATABASE"], folder: folder)
        if database != nil { location.warnIfPasswordOnCommandLine() }
        return location
    }

    /// The existing store with the folder's secrets.
    func open(poolSize: Int = 4, intakeWait: Duration = .seconds(30)) async throws -> CommandStore {
        try await folder.open(try location(), poolSize: poolSize, intakeWait: intakeWait)
    }

    /// The store, made when new (`init`, `demo`).
    func openOrCreate(poolSize: Int = 4) async throws -> CommandStore {
        try await folder.openOrCreate(try location(), poolSize: poolSize)
    }
}

/// `--policies DIR` and `--templates DIR`, found next to the working directory or the binary.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: "The policy folder (default: $SICHTBAR_POLICIES, ./Policies, or beside the binary).")
    var policies: String?

    @Option(name: .long, help: "The templates folder (default: $SICHTBAR_TEMPLATES, ./Templates, or beside the binary).")
    var templates: String?

    func policiesURL() throws -> URL { try Self.locate(policies, env: "SICHTBAR_POLICIES", name: "Policies") }
    func templatesURL() throws -> URL { try Self.locate(templates, env: "SICHTBAR_TEMPLATES", name: "Templates") }

    /// The flag, else the environment, else `./NAME`, else the nearest `NAME` above the executable.
    static func locate(_ flag: String?, env: String, name: String) throws -> URL {
        if let path = flag ?? ProcessInfo.processInfo.environment[env] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        let fileManager = FileManager.default
        let local = URL(fileURLWithPath: name, isDirectory: true)
        if fileManager.fileExists(atPath: local.path) { return local }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent(name, isDirectory: true)
            if fileManager.fileExists(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CLIError.badInput("cannot find the \(name) folder; name it with --\(name.lowercased())")
    }
}
