import App
import ArgumentParser
import Casework
import Foundation
import Members
import PostgresStore
import SichtbarCore

/// `sichtbar store copy --from URL --to URL`: moves a deployment between engines, then checks
/// the copy before saying done.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move the store between engines; erase PostgreSQL's arrival order.",
        subcommands: [Copy.self, EraseOrder.self])

    /// `store erase-order`: the daily rewrite of `serve` on PostgreSQL, now (after an import, or
    /// where `serve --no-background-jobs` runs everywhere).
    struct EraseOrder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase-order",
            abstract: "PostgreSQL: rewrite the tables reports arrive in, in the order of their random ids, as serve does daily.")
        @OptionGroup var dataOptions: DataOptions

        func run() async throws {
            try await failingCleanly {
                let opened = try await dataOptions.open()
                guard case .postgres(let database) = opened.engine else {
                    print("SQLite stores these rows by random key and loses their order at its next checkpoint: nothing to do.")
                    return
                }
                let started = ContinuousClock.now
                let rows = try await database.eraseArrivalOrder()
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print("\(rows) rows rewritten in the order of their ids in \(String(format: "%.1f", seconds)) s")
                await opened.close()
            }
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Copy every table into an empty store of the other engine in one transaction, then verify: row counts, every audit chain, and a sample of cases."
        )

        @Option(name: .long, help: "The data folder with the server secrets both stores share.") var data: String?
        @Option(name: .long, help: ArgumentHelp("The store to copy: postgres://… or a SQLite file.", valueName: "URL")) var from: String
        @Option(name: .long, help: ArgumentHelp("The empty store to copy into: postgres://… or a SQLite file.", valueName: "URL"))
        var to: String
        @Option(name: .long, help: "Cases per office compared between the two stores (0: none).") var sample = 20
        @Option(
            name: .customLong("as"),
            help: "A member whose office's sampled cases are also opened on the copy (reads the passphrase); each opening is audited.")
        var member: String?
        @OptionGroup var resources: ResourceOptions
        @Flag(name: .long, help: "Print one JSON object: {\"tables\", \"rows\", \"chains\", \"events\", \"compared\", \"opened\"}.")
        var json = false

        func run() async throws {
            try await failingCleanly {
                guard sample >= 0 else { throw CLIError.badInput("--sample is not negative") }
                var options = DataOptions()
                options.data = data
                let folder = options.folder
                let source = try StoreLocation(from, folder: folder)
                let target = try StoreLocation(to, folder: folder)
                source.warnIfPasswordOnCommandLine()
                target.warnIfPasswordOnCommandLine()
                guard source.description != target.description else { throw CLIError.badInput("--from and --to name the same store") }
                let from = try await folder.open(source)
                let to = try await folder.openOrCreate(target)
                try await from.requireCopyableTables("--from")
                try await to.requireCopyableTables("--to")
                for table in CopiedTable.order where try await to.rowCount(table) > 0 {
                    throw CLIError.badInput("--to: \(target) is not empty (\(table) has rows); a copy goes into an empty store only")
                }
                printError("Reading \(source) …")
                var tables: [CopiedTable] = []
                for name in CopiedTable.order { tables.append(try await from.exportTable(name)) }
                printError("Writing \(tables.reduce(0) { $0 + $1.rows.count }) rows into \(target) in one transaction …")
                do {
                    try await to.importTables(tables)
                } catch let error as StoreCopyError {
                    throw CLIError.checkFailed("nothing was copied: \(error)")
                }
                let verdict = try await StoreCopyCheck(from: from, to: to, tables: tables).run(sample: sample)
                var opened = 0
                if let member {
                    opened = try await Self.open(verdict.sampled, on: to, as: member, resources: resources)
                }
                let events = try await StoreCopyCheck.verifyChains(to)
                if json {
                    try JSONOutput.print(
                        Summary(
                            tables: tables.count, rows: verdict.rows, chains: events.chains, events: events.events,
                            compared: verdict.sampled.count, opened: opened))
                } else {
                    print(
                        "copied \(source) to \(target) and checked: \(tables.count) tables with \(verdict.rows) rows, same counts; "
                            + "\(events.chains) audit chains with \(events.events) events intact and ending where the source's end; "
                            + "\(verdict.sampled.count) sampled cases identical"
                            + (member.map { ", \(opened) of them opened as \($0)" } ?? ""))
                }
                await from.close()
                await to.close()
            }
        }

        struct Summary: Encodable {
            let tables: Int
            let rows: Int
            let chains: Int
            let events: UInt64
            let compared: Int
            let opened: Int
        }

        /// Opens the sampled cases of `username`'s office through the casework service on the
        /// copy: the case keys unseal, the authenticator and every record check out.
        static func open(
            _ sampled: [(id: EntityID, office: EntityID)], on store: CommandStore, as username: String, resources: ResourceOptions
        ) async throws -> Int {
            let context = try MemberContext(opened: store)
            let session = try await context.authenticate(username)
            let services = try await AppServices.make(
                store: context.stores, policies: try PolicySet.load(resources), templates: try resources.templatesURL(),
                secrets: store.secrets.app, rotationGrace: MemberContext.rotationGrace)
            var opened = 0
            for (id, office) in sampled where office == session.officeID {
                do {
                    _ = try await services.casework.open(id, for: session)
                    opened += 1
                } catch let error as AccessError where error == .notFound {
                    // A case restricted to its team, or shredded: not this member's to open.
                    continue
                } catch {
                    throw CLIError.checkFailed("case \(id.hex) does not open on the copy: \(error)")
                }
            }
            return opened
        }
    }
}
