import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import Statistics
import Workflow

/// Issue 18's office figure: a lead computes the year's release tables over about 100,000
/// classified cases (target ≤ 1 s; issue 5 asked ≤ 2 s for 20,000): every classification read,
/// opened with the statistics key and counted into every table of Policies/statistics.yaml. The
/// cases are seeded as of mid-January 2027, so the whole of 2026 is a closed year holding them.
func benchStatistics(cases: Int, samples: Int) async throws {
    let database = try AppDatabase.inMemory()
    let signer = SigningKeyPair()
    let (members, caseFiles) = (
        SQLiteMemberStore(database: database, signer: signer), SQLiteCaseFileStore(database: database, signer: signer)
    )
    let store = SQLiteStatisticsStore(database: database)
    let (office, keys) = try await Bench.createOffice(database)
    let (lead, leadKeys) = try await database.createMember(
        username: "lead.stats", role: .lead, office: office, keys: keys,
        passphrase: SecureBytes(utf8: Bench.casesPassphrase))
    let session = Session(member: lead, keys: leadKeys)
    let taxonomy = try Bench.taxonomy()
    let workflow = try WorkflowPolicy.load(from: Bench.root.appendingPathComponent("Policies/workflow.yaml"))
    let vocabulary = StatVocabulary(taxonomy: taxonomy, workflow: workflow)
    let policy = try StatisticsPolicy.load(from: Bench.root.appendingPathComponent("Policies/statistics.yaml"), vocabulary: vocabulary)
    guard let today = Day(iso: "2027-01-15"), let year = StatPeriod("2026") else { throw BenchFailure("no day") }
    let seeder = BenchCaseSeeder(
        office: office, keys: keys, staff: [(lead, 1)], deadlines: DeadlineTracker(policy: workflow),
        taxonomyVersion: taxonomy.version, today: today)
    let (_, seedSeconds) = try await Bench.time { try await seeder.seed(cases, into: caseFiles) }
    let classified = try await store.sealedFacets(officeID: office.id, through: "2026-12").count
    let statistics = OfficeStatistics(store: store, members: members, policy: policy, vocabulary: vocabulary, today: { today })

    var cells = 0
    let times = try await Bench.samples(samples) {
        cells = try await statistics.tables(for: year, session: session).reduce(0) { $0 + $1.cells.count + $1.margins.count }
    }
    let reading = try await Bench.samples(samples) {
        _ = try await store.sealedFacets(officeID: office.id, through: "2026-12")
    }
    var opened: [CaseFacts] = []
    let opening = try await Bench.samples(samples) {
        opened = try await statistics.classifications(of: office.id, through: year, session: session)
    }
    let counting = try await Bench.samples(samples) {
        _ = statistics.counter.count(policy.tables, facts: opened, plain: .init(kurzkontakte: 0, nichtKlassifiziert: 0), period: year)
    }
    let table = Table(
        ["office release tables, \(samples) runs", "cases", "p50 ms", "p95 ms", "p99 ms", "target"], widths: [40, 6, 7, 7, 7, 10])
    table.row(["OfficeStatistics.tables, year, \(policy.tables.count) tables", "\(classified)"] + Bench.percentiles(times) + ["≤ 1000 ms"])
    table.row(["of which: read the sealed classifications", "\(classified)"] + Bench.percentiles(reading) + [""])
    table.row(["for comparison: read and open them", "\(opened.count)"] + Bench.percentiles(opening) + [""])
    table.row(["for comparison: count them, one core", "\(opened.count)"] + Bench.percentiles(counting) + [""])
    print("(\(classified) classified cases counted of \(cases) seeded, in \(format(seedSeconds, 1)) s; \(cells) counts per release)")
}
