import ArgumentParser
import CaseStore
import Casework
import Foundation
import Web

/// `sichtbar demo`: a populated data folder, served at once.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo",
                                                    abstract: "Create a demo data folder with offices and reports and serve it.")

    @Option(name: .long, help: "The data folder (default: a fresh temporary folder).") var data: String?
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var server: ServerOptions
    @Option(name: .long, help: "How many synthetic reports.") var reports = 240
    @Flag(name: .long, help: "Print one JSON line first.") var json = false

    func run() async throws {
        try await failingCleanly {
            let path = data ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("sichtbar-demo-\(UUID().uuidString.prefix(8))").path
            let folder = DataFolder(path: path)
            let (database, secrets) = try folder.openOrCreate()
            let taxonomy = try Taxonomy.load(from: try resources.policiesURL().appendingPathComponent("taxonomy.yaml"))
            var created: [(Office, [(String, String, MemberRole)])] = []
            var receipts: [String] = []
            if try await database.offices().isEmpty {
                created = try await DemoData.createOffices(database)
                let store = SQLiteReportStore(database: database)
                let service = ReporterService(store: store, taxonomy: taxonomy, lookupKey: secrets.lookupKey)
                receipts = try await DemoData.createReports(service, store: store, taxonomy: taxonomy, count: reports)
            }
            let url = "http://\(server.host):\(server.port)"
            if json {
                try JSONOutput.print(DemoSummary(url: url, created: created, receipts: receipts, data: path))
            } else {
                say("Sichtbar demo – data in \(path)")
                for (office, members) in created {
                    say("\n\(office.name) (\(office.id.hex))")
                    for (username, passphrase, role) in members { say("  \(role.rawValue): \(username)  passphrase: \(passphrase)") }
                }
                if !receipts.isEmpty { say("\nDemo receipts for the mailbox: \(receipts.joined(separator: ", "))") }
                say("\nReport form: \(url)/   Mailbox: \(url)/mailbox   Offices: \(url)/offices   API: \(url)/openapi.yaml")
            }
            try await Server.run(database: database, secrets: secrets, resources: resources, options: server) { url in
                printError("Sichtbar demo is listening on \(url)")
            }
        }
    }
}

/// Writes a line to standard output at once (print is block-buffered when piped).
func say(_ line: String) {
    FileHandleWriter.write(line + "\n", to: 1)
}

/// The `--json` line of `demo`, in CONTRACT.md's shape.
struct DemoSummary: Encodable {
    struct Member: Encodable { let username: String; let passphrase: String; let role: String }
    struct OfficeEntry: Encodable { let id: String; let name: String; let members: [Member] }

    let url: String
    let offices: [OfficeEntry]
    /// The Verband arrives with the members issue; null until then.
    let verband: String?
    let receipts: [String]
    let data: String

    init(url: String, created: [(Office, [(String, String, MemberRole)])], receipts: [String], data: String) {
        self.url = url
        self.offices = created.map { office, members in
            OfficeEntry(id: office.id.hex, name: office.name,
                        members: members.map { Member(username: $0.0, passphrase: $0.1, role: $0.2.rawValue) })
        }
        self.verband = nil
        self.receipts = receipts
        self.data = data
    }

    func encode(to encoder: any Encoder) throws {
        enum Keys: String, CodingKey { case url, offices, verband, receipts, data }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(url, forKey: .url)
        try container.encode(offices, forKey: .offices)
        try container.encodeNil(forKey: .verband)
        try container.encode(receipts, forKey: .receipts)
        try container.encode(data, forKey: .data)
    }
}
