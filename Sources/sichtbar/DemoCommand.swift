import App
import ArgumentParser
import CaseStore
import Casework
import Foundation
import Members
import SichtbarCore
import Statistics
import Web

/// `sichtbar demo`: a populated data folder, served at once.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo data folder with offices, members and two years of casework, and serve it.")

    @Option(name: .long, help: "The data folder (default: a fresh temporary folder).") var data: String?
    @Option(name: .long, help: DataOptions.databaseHelp) var database: String?
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var server: ServerOptions
    @Option(name: .long, help: "How many synthetic cases, worked over two years through every step.") var cases = 600
    @Option(name: .long, help: "How many reports of the last days that nobody has worked yet.") var reports = 20
    @Option(name: .long, help: "How many contacts without a file (tallies) per office.") var tallies = 60
    @Option(name: .long, help: "The seed of the synthetic casework (same seed, same cases).") var seed: UInt64 = 2026
    @Flag(name: .long, help: "Print one JSON line first.") var json = false

    func run() async throws {
        try await failingCleanly {
            let path =
                data
                ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("sichtbar-demo-\(UUID().uuidString.prefix(8))").path
            var options = DataOptions()
            options.data = path
            options.database = database
            let opened = try await options.openOrCreate(poolSize: server.databaseConnections)
            let secrets = opened.secrets
            var created: [(Office, [(String, String, MemberRole)])] = []
            var verband: (Verband, [(String, String, MemberRole)])?
            var outcome = DemoCasework.Outcome()
            var published: [PublishedStatistics] = []
            if try await opened.members().offices().isEmpty {
                guard cases >= 0, reports >= 0, tallies >= 0 else {
                    throw CLIError.badInput("--cases, --reports and --tallies are not negative")
                }
                let today = Day(Date())
                let clock = DemoClock(DemoData.start(before: today))
                let memberStore = opened.members(today: { Day(clock.now) })
                // The Verband first: each office pins its key in its key manifest when it is set up.
                verband = try await DemoData.createVerband(memberStore)
                let (offices, sessions) = try await DemoData.createOffices(opened.setup, store: memberStore, at: clock.now)
                created = offices
                let policies = try PolicySet.load(from: try resources.policiesURL())
                // The casework is played on the demo clock, its audit days included.
                let played = try await AppServices.make(
                    store: opened.stores(today: { Day(clock.now) }), policies: policies,
                    templates: try resources.templatesURL(), secrets: secrets.app, clock: { clock.now })
                printError(
                    "Playing two years of demo casework (\(cases) cases, \(reports) fresh reports, \(tallies) contacts without a file per office) …"
                )
                outcome = try await DemoData.playCasework(
                    opened, services: played, clock: clock, today: today, staffs: DemoData.staffs(created), sessions: sessions,
                    sizes: DemoData.Sizes(cases: cases, freshReports: reports, tallies: tallies, seed: seed))
                if let (_, analysts) = verband, let analyst = analysts.first {
                    printError("Releasing the last two years of both offices to the demo Verband and publishing them …")
                    let leads = created.compactMap { _, members in members.first { $0.2 == .lead }.flatMap { sessions[$0.0] } }
                    // On the real clock: the years released are over.
                    let now = try await AppServices.make(
                        store: opened.stores(), policies: policies, templates: try resources.templatesURL(),
                        secrets: secrets.app)
                    published = try await DemoData.releaseAndPublish(
                        services: now, today: today, leads: leads, analyst: (analyst.0, analyst.1))
                }
            }
            let url = "http://\(server.host):\(server.port)"
            if json {
                try JSONOutput.print(
                    DemoSummary(
                        url: url, created: created, verband: verband, receipts: outcome.receipts, cases: outcome.cases,
                        data: path, signingKey: Data(secrets.signing.publicKey.bytes).base64EncodedString(),
                        published: published.map(\.period)))
            } else {
                say("Sichtbar demo – data in \(path)")
                for (office, members) in created {
                    say("\n\(office.name) (\(office.id.hex))")
                    for (username, passphrase, role) in members { say("  \(role.rawValue): \(username)  passphrase: \(passphrase)") }
                }
                if let (verband, analysts) = verband {
                    say("\n\(verband.name)")
                    for (username, passphrase, role) in analysts { say("  \(role.rawValue): \(username)  passphrase: \(passphrase)") }
                }
                if !created.isEmpty {
                    say(
                        "\n\(outcome.cases) demo cases over two years (\(outcome.shredded) more deleted on request), \(outcome.tallies) contacts without a file"
                    )
                }
                if !published.isEmpty {
                    say(
                        "Published statistics of \(published.map(\.period).joined(separator: ", ")) (log in as the analyst: /statistics, /report)"
                    )
                }
                if !outcome.receipts.isEmpty { say("\nDemo receipts for the mailbox: \(outcome.receipts.joined(separator: ", "))") }
                say(
                    "\nReport form: \(url)/   Mailbox: \(url)/mailbox   Offices: \(url)/offices   Login: \(url)/login   API: \(url)/openapi.yaml"
                )
            }
            try await Server.run(opened, resources: resources, options: server) { url in
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
    struct Member: Encodable {
        let username: String
        let passphrase: String
        let role: String
    }
    struct OfficeEntry: Encodable {
        let id: String
        let name: String
        let members: [Member]
    }
    struct VerbandEntry: Encodable {
        let publicKey: String
        let members: [Member]
    }

    let url: String
    let offices: [OfficeEntry]
    let verband: VerbandEntry?
    let receipts: [String]
    /// How many case files the demo made (not counting those deleted on request).
    let cases: Int
    let data: String
    /// The server's Ed25519 key (Base64): releases and published statistics verify under it.
    let signingKey: String
    /// The periods the demo Verband published.
    let published: [String]

    init(
        url: String, created: [(Office, [(String, String, MemberRole)])], verband: (Verband, [(String, String, MemberRole)])?,
        receipts: [String], cases: Int, data: String, signingKey: String, published: [String]
    ) {
        self.url = url
        self.signingKey = signingKey
        self.published = published
        self.offices = created.map { office, members in
            OfficeEntry(
                id: office.id.hex, name: office.name,
                members: members.map { Member(username: $0.0, passphrase: $0.1, role: $0.2.rawValue) })
        }
        self.verband = verband.map { verband, members in
            VerbandEntry(
                publicKey: Data(verband.publicKey.bytes).base64EncodedString(),
                members: members.map { Member(username: $0.0, passphrase: $0.1, role: $0.2.rawValue) })
        }
        self.receipts = receipts
        self.cases = cases
        self.data = data
    }
}
