import ArgumentParser
import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore

/// `sichtbar backup --out FILE` (the default subcommand, `create`) and `sichtbar backup key --out KEYFILE`.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "An online, consistent copy of the store and its secrets, encrypted to the backup public key.",
        subcommands: [Create.self, Key.self], defaultSubcommand: Create.self)

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an encrypted, consistent copy of the store and its secrets while the service runs.")

        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The backup file to write (must not exist).") var out: String
        @Flag(name: .long, help: "Print one JSON object: {\"file\", \"bytes\", \"seconds\"}.") var json = false

        func run() async throws {
            try await failingCleanly {
                if case .postgres = try dataOptions.location() {
                    throw CLIError.badInput(
                        "backup copies the data folder's SQLite store; back a PostgreSQL store up with pg_basebackup or pg_dump, "
                            + "and server.secrets with it (docs/operations.md)")
                }
                let folder = dataOptions.folder
                let publicURL = folder.url.appendingPathComponent(BackupKeyFile.publicFileName)
                guard FileManager.default.fileExists(atPath: publicURL.path) else {
                    throw CLIError.badInput(
                        "no backup key in \(folder.path); run `sichtbar backup key --out KEYFILE` first and keep KEYFILE off the server")
                }
                let recipient = try BackupKeyFile.loadPublic(from: publicURL)
                let target = URL(fileURLWithPath: out)
                guard !FileManager.default.fileExists(atPath: target.path) else { throw CLIError.badInput("--out: \(out) exists") }
                let started = ContinuousClock.now
                let (database, _) = try folder.open()
                // A plaintext copy left by a backup that was killed midway goes first.
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                where name.hasPrefix(".backup-") && name.hasSuffix(".sqlite") {
                    BackupCommand.erase(folder.url.appendingPathComponent(name))
                }
                let copy = folder.url.appendingPathComponent(".backup-\(EntityID.random().hex).sqlite")
                defer { BackupCommand.erase(copy) }
                try await database.copy(to: copy.path)
                do {
                    try BackupArchive.write(
                        [("server.secrets", folder.secretsURL), ("sichtbar.sqlite", copy)], to: target, recipient: recipient)
                } catch {
                    try? FileManager.default.removeItem(at: target)
                    throw CLIError.checkFailed("backup failed: \(error)")
                }
                let bytes = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                if json {
                    try JSONOutput.print(BackupResult(file: target.path, bytes: bytes, seconds: (seconds * 100).rounded() / 100))
                } else {
                    print("backup written to \(target.path): \(bytes) bytes in \(String(format: "%.2f", seconds)) s")
                }
            }
        }

    }

    /// Overwrites the plaintext copy with zeros before removing it.
    static func erase(_ url: URL) {
        if let handle = try? FileHandle(forWritingTo: url), let size = try? handle.seekToEnd() {
            try? handle.seek(toOffset: 0)
            var left = size
            let zeros = Data(count: 1 << 16)
            while left > 0 {
                let count = Int(min(left, UInt64(zeros.count)))
                try? handle.write(contentsOf: zeros.prefix(count))
                left -= UInt64(count)
            }
            try? handle.synchronize()
            try? handle.close()
        }
        try? FileManager.default.removeItem(at: url)
    }

    struct Key: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the backup key pair: the secret goes only into KEYFILE (0600), to be kept off the server.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The key file to write (must not exist).") var out: String
        @Flag(name: .long, help: "Print one JSON object: {\"publicKey\"}.") var json = false

        func run() async throws {
            try await failingCleanly {
                let folder = dataOptions.folder
                try folder.create()
                let publicURL = folder.url.appendingPathComponent(BackupKeyFile.publicFileName)
                let publicKey = try BackupKeyFile.create(at: URL(fileURLWithPath: out))
                let hex = Hex.encode(publicKey.bytes)
                // A new key replaces the old public key: later backups open only with the new key file.
                try? FileManager.default.removeItem(at: publicURL)
                try Data((hex + "\n").utf8).write(to: publicURL, options: .atomic)
                if json {
                    try JSONOutput.print(["publicKey": hex])
                } else {
                    print("backup key written to \(out); keep it off the server. Backups are now encrypted to \(hex).")
                }
            }
        }
    }
}

/// `sichtbar restore --from FILE --key KEYFILE --data DIR`.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Put a backup into an empty data folder and check it before saying done.")

    @OptionGroup var dataOptions: DataOptions
    @Option(name: .long, help: "The backup file.") var from: String
    @Option(name: .long, help: "The backup key file.") var key: String
    @Flag(name: .long, help: "Print one JSON object: {\"data\", \"cases\", \"chains\", \"events\"}.") var json = false

    func run() async throws {
        try await failingCleanly {
            if case .postgres = try dataOptions.location() {
                throw CLIError.badInput(
                    "restore writes the data folder's SQLite store; restore there, then `sichtbar store copy` it to PostgreSQL")
            }
            let folder = dataOptions.folder
            let manager = FileManager.default
            if manager.fileExists(atPath: folder.path) {
                guard (try manager.contentsOfDirectory(atPath: folder.path)).isEmpty else {
                    throw CLIError.badInput("--data: \(folder.path) is not empty; restore goes into an empty folder only")
                }
            }
            try folder.create()
            let pair: BoxKeyPair
            do {
                pair = try BackupKeyFile.load(from: URL(fileURLWithPath: key))
            } catch let error as BackupError {
                throw CLIError.badInput("--key: \(error)")
            }
            do {
                let sizes = try BackupArchive.read(
                    URL(fileURLWithPath: from), key: pair, into: folder.url,
                    allowed: ["server.secrets", "sichtbar.sqlite"])
                guard sizes.keys.sorted() == ["server.secrets", "sichtbar.sqlite"] else {
                    throw BackupError.malformed("the backup lacks the database or the secrets")
                }
            } catch let error as BackupError {
                throw CLIError.checkFailed("restore refused: \(error)")
            }
            let (database, secrets) = try folder.open()
            let context = try MemberContext(opened: CommandStore(engine: .sqlite(database), secrets: secrets))
            let integrity = try await database.integrityCheck()
            guard integrity == "ok" else { throw CLIError.checkFailed("the restored database is damaged: \(integrity)") }
            var events: UInt64 = 0
            let chains = try await context.store.chains()
            for chain in chains {
                switch try await context.store.verifyChain(chain, key: context.secrets.signing.publicKey) {
                case .intact(let count): events += count
                case .broken(let sequence, let reason):
                    throw CLIError.checkFailed("chain \(chain.hex) broken at event \(sequence): \(reason)")
                case .checkpointNotExtended(let reason): throw CLIError.checkFailed("chain \(chain.hex): \(reason)")
                }
            }
            let cases = try await context.stores.retention.retentionCandidates().count
            if json {
                try JSONOutput.print(RestoreResult(data: folder.path, cases: cases, chains: chains.count, events: events))
            } else {
                print(
                    "restored into \(folder.path) and checked: database intact, \(chains.count) audit chains with \(events) events verified, \(cases) cases"
                )
            }
        }
    }
}

struct BackupResult: Encodable {
    let file: String
    let bytes: Int
    let seconds: Double
}

struct RestoreResult: Encodable {
    let data: String
    let cases: Int
    let chains: Int
    let events: UInt64
}
