import App
import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

/// Issue 4's figures in process: a counsellor's case list in an office with `cases` cases, and
/// opening a case with 200 timeline entries, through `CaseworkService` as the routes call it
/// (each call decrypts what it shows and appends its audit event durably). Target: p95 ≤ 50 ms.
/// The folder is a data folder (`sichtbar.sqlite`, `server.secrets`) that `sichtbar serve` can
/// serve, so bench/run.sh measures the same office over HTTP; `bench-cases.json` there names the
/// counsellor, the passphrase and the case with 200 entries.
func benchCases(folder: URL, cases: Int, samples: Int) async throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let secrets = try ServerSecrets.loadOrCreate(at: folder.appendingPathComponent("server.secrets"))
    let database = try AppDatabase.open(path: folder.appendingPathComponent("sichtbar.sqlite").path)
    let caseFiles = SQLiteCaseFileStore(database: database, signer: secrets.signing)
    let (office, keys) = try await Bench.createOffice(database)
    var staff: [(member: Member, weight: Int)] = []
    var sessions: [String: Session] = [:]
    for (username, role) in [
        ("lead.bench", MemberRole.lead), ("berater.bench", .counsellor), ("beraterin.bench", .counsellor),
        ("berater.drei", .counsellor),
    ] {
        let (member, keyPair) = try await database.createMember(
            username: username, role: role, office: office, keys: keys,
            passphrase: SecureBytes(utf8: Bench.casesPassphrase))
        staff.append((member, role == .lead ? 1 : 3))
        sessions[username] = Session(member: member, keys: keyPair)
    }
    guard let counsellor = sessions["berater.bench"] else { throw BenchFailure("no counsellor") }
    let services = try await AppServices.make(
        store: .sqlite(database, signer: secrets.signing),
        policies: try PolicySet.load(from: Bench.root.appendingPathComponent("Policies")),
        templates: Bench.root.appendingPathComponent("Templates"), secrets: secrets.app)
    let (casework, taxonomy) = (services.casework, services.policies.taxonomy)

    let seeder = BenchCaseSeeder(
        office: office, keys: keys, staff: staff, deadlines: casework.deadlines, taxonomyVersion: taxonomy.version,
        today: Day(Date()))
    let (_, seedSeconds) = try await Bench.time { try await seeder.seed(cases, into: caseFiles) }
    let (caseID, timelineSeconds) = try await Bench.time { try await benchTimelineCase(casework, by: counsellor, entries: 200) }
    await database.checkpoint()
    let written = try await database.count("case_file")
    guard written == cases + 1 else { throw BenchFailure("\(written) cases written, \(cases + 1) expected") }

    let seeding = Table(["office with \(cases) cases", "seconds", "cases/s"], widths: [40, 8, 9])
    seeding.row(["seed: sealed, createMany per 5000", format(seedSeconds, 1), format(Double(cases) / seedSeconds)])
    seeding.row(["one case, 200 entries, through the service", format(timelineSeconds, 1), ""])
    print("")

    let table = Table(
        ["in process, \(samples) calls each", "cases", "p50 ms", "p95 ms", "p99 ms", "target"], widths: [40, 5, 7, 7, 7, 10])
    for (label, filter) in Bench.caseListRows {
        var shown = 0
        let times = try await Bench.samples(samples) {
            shown = try await casework.list(filter, for: counsellor).items.count
        }
        table.row(["CaseworkService.list, " + label, "\(shown)"] + Bench.percentiles(times) + ["p95 ≤ 50"])
    }
    var entries = 0
    let opening = try await Bench.samples(samples) {
        entries = try await casework.open(caseID, for: counsellor).timeline.count
    }
    table.row(["CaseworkService.open, \(entries) entries", "1"] + Bench.percentiles(opening) + ["p95 ≤ 50"])

    let note = #"{"username": "berater.bench", "passphrase": "\#(Bench.casesPassphrase)", "case": "\#(caseID.hex)"}"#
    try Data(note.utf8).write(to: folder.appendingPathComponent("bench-cases.json"))
}

extension Bench {
    /// Every member of the case benchmark's office has this passphrase (bench/run.sh logs in with it).
    static let casesPassphrase = "Bench-Wolke-Hafen-Ufer-17"

    /// The case list pages measured, in process and (as query strings) over HTTP.
    static let caseListRows: [(String, CaseListFilter)] = [
        ("first page", CaseListFilter(limit: 100)),
        ("step=intervention&assigned=mine&due=overdue", CaseListFilter(step: "intervention", assignment: .mine, due: .overdue, limit: 100)),
        ("due=soon", CaseListFilter(due: .soon, limit: 100)),
        ("q=antisemitismus (category code)", CaseListFilter(query: "antisemitismus", limit: 100)),
    ]

    /// Milliseconds of `count` runs of `body`, after five runs to warm up.
    static func samples(_ count: Int, _ body: () async throws -> Void) async throws -> [Double] {
        for _ in 0..<5 { try await body() }
        var times: [Double] = []
        for _ in 0..<count {
            let (_, seconds) = try await time { try await body() }
            times.append(seconds * 1000)
        }
        return times
    }

    static func percentiles(_ samples: [Double]) -> [String] {
        [50.0, 95, 99].map { format(percentile(samples, $0), 1) }
    }
}
