import Casework
import Sealing
import SichtbarCore

/// Seeded synthetic classifications and signed office releases, for the merge's tests and its
/// benchmark: counted by `TableCounter` like real ones, so every table adds up as a real release
/// does. Skewed like casework: a few grounds and areas dominate, many counts are small.
public enum SyntheticOffices {
    /// `cases` classifications of one office arriving in `period`, the same for the same seed.
    public static func facts(vocabulary: StatVocabulary, cases: Int, period: StatPeriod, seed: UInt64) -> [CaseFacts] {
        var random = SplitMix64(seed: seed)
        func codes(_ key: String) -> [String] { Array(vocabulary.codes(.facet(key, topLevel: false)).dropLast()) }
        func pick(_ list: [String]) -> String? {
            guard !list.isEmpty else { return nil }
            // Weights falling with the position: the first codes are the common ones.
            return list[random.pick(list.indices.map { max(1, 12 - $0 / 2) })]
        }
        let months = period.months
        let grounds = codes("ground")
        let areas = codes("area")
        let otherFacets = vocabulary.taxonomy.facets.map(\.key).filter { $0 != "ground" && $0 != "area" }
        let regions = vocabulary.taxonomy.regions.map(\.key)
        var facts: [CaseFacts] = []
        facts.reserveCapacity(cases)
        for _ in 0..<cases {
            let arrival = random.pick(months.map { _ in 1 })
            var classification: [String: [String]] = [:]
            var named = Set<String>()
            for _ in 0...random.pick([60, 30, 10]) { if let ground = pick(grounds) { named.insert(ground) } }
            if random.pick([95, 5]) == 0 { classification["ground"] = named.sorted() }
            if random.pick([90, 10]) == 0, let area = pick(areas) { classification["area"] = [area] }
            for facet in otherFacets where random.pick([75, 25]) == 0 {
                if let code = pick(codes(facet)) { classification[facet] = [code] }
            }
            let closes = random.pick([55, 45]) == 0
            let closedMonth = closes ? months[min(months.count - 1, arrival + random.pick([3, 2, 1]))] : nil
            let interventions = closes ? Array(vocabulary.interventions.shuffled(using: &random).prefix(random.pick([50, 35, 15]))) : []
            facts.append(
                CaseFacts(
                    taxonomy: vocabulary.taxonomy.version, month: months[arrival],
                    kind: vocabulary.kinds[random.pick(vocabulary.kinds.indices.map { $0 == 0 ? 3 : 1 })],
                    codes: classification, flags: [], region: regions.isEmpty ? nil : regions[random.pick(regions.map { _ in 1 })],
                    closedMonth: closedMonth, outcome: closes ? pick(vocabulary.outcomes) : nil, interventions: interventions))
        }
        return facts
    }

    /// The signed release of one synthetic office (`office-1`, `office-2`, …), as bytes received.
    public static func release(
        policy: StatisticsPolicy, vocabulary: StatVocabulary, office: Int, cases: Int, period: StatPeriod,
        day: Day, signer: SigningKeyPair
    ) throws -> [UInt8] {
        let counter = TableCounter(vocabulary: vocabulary)
        let specs = period.quarter == nil ? policy.tables : policy.tables(for: "quarterly")
        let facts = facts(vocabulary: vocabulary, cases: cases, period: period, seed: UInt64(office) &* 7919 &+ 17)
        let plain = TableCounter.PlainCounts(kurzkontakte: cases / 3 + office % 7, nichtKlassifiziert: office % 5)
        let tables = counter.count(specs, facts: facts, plain: plain, period: period)
        return try StatFile(
            scope: .office, office: "office-\(office)", period: period, policy: policy.digest,
            taxonomy: vocabulary.taxonomy.version, generatedOn: day, tables: tables
        )
        .signed(with: signer).serialised()
    }
}
