import Casework
import Sealing
import Statistics

/// Issue 13, item 8: the Verband publishes a year's four quarters and then the year, each merge
/// protected together with what was already published for the year. Times the year's merge
/// against its four published quarters (the linked system is largest then) beside the same
/// year merged alone. Each office's quarters are counted from the same cases as its year, so
/// the year's flows are the sums of its quarters'.
func benchYearAfterQuarters(offices: Int, samples: Int) throws {
    let (policy, vocabulary, year, today) = try mergeSetting()
    let officeKey = SigningKeyPair()
    let counter = TableCounter(vocabulary: vocabulary)
    let facts = (1...offices).map { office in
        SyntheticOffices.facts(vocabulary: vocabulary, cases: casesOf(office), period: year, seed: UInt64(office) &* 7919 &+ 17)
    }
    func releases(_ period: StatPeriod) throws -> [[UInt8]] {
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        return try (1...offices).map { office in
            let plain = TableCounter.PlainCounts(
                kurzkontakte: (period.quarter == nil ? 4 : 1) * (office % 9 + 3), nichtKlassifiziert: office % 5)
            return try StatFile(
                scope: .office, office: "office-\(office)", period: period, policy: policy.digest,
                taxonomy: vocabulary.taxonomy.version, generatedOn: today,
                tables: counter.count(specs, facts: facts[office - 1], plain: plain, period: period)
            )
            .signed(with: officeKey).serialised()
        }
    }
    let merge = VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [officeKey.publicKey])
    var published: [StatFile] = []
    for quarter in 1...4 {
        guard let period = StatPeriod(year: year.year, quarter: quarter) else { throw BenchFailure("no quarter") }
        guard case .merged(let merged) = merge.merge(try releases(period), on: today, published: published) else {
            throw BenchFailure("the merge of \(period) was refused")
        }
        published.append(merged.file)
    }
    let yearFiles = try releases(year)
    var summaries: [String: String] = [:]
    let table = Table(
        ["Year after its quarters, \(samples) runs", "files", "p50 ms", "p95 ms", "p99 ms", "suppressed (prim./sec.)"],
        widths: [44, 6, 7, 7, 7, 23])
    for (name, earlier) in [("the year alone", [StatFile]()), ("the year against its 4 quarters", published)] {
        let times = try syncSamples(samples) {
            guard case .merged(let merged) = merge.merge(yearFiles, on: today, published: earlier) else {
                throw BenchFailure("the year's merge was refused (\(name))")
            }
            summaries[name] = merged.disclosure.map { "\($0.primary) / \($0.secondary)" } ?? ""
        }
        table.row([name, "\(offices)"] + Bench.percentiles(times) + [summaries[name] ?? ""])
    }
}
