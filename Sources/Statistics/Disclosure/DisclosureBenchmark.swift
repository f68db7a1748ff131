/// A release to time `DisclosureControl.protect` on, shaped like the Verband's: grounds ×
/// areas of life (20 × 13, grounds multi-valued, "Nennungen") linked through the area margins
/// to areas × Regierungsbezirke (13 × 5), drawn from a seeded synthetic population with the
/// skewed small counts real casework has. Other code (a bench target, a test) times `run`.
public enum DisclosureBenchmark {
    static let grounds = [
        "antimuslimisch", "anti_schwarz", "antiziganistisch", "antiasiatisch", "gegen_gefluechtete",
        "rassistisch_sonstige", "antisemitismus", "religion", "geschlecht", "geschlechtsidentitaet",
        "sexuelle_identitaet", "behinderung", "chronische_krankheit", "lebensalter", "sozialer_status",
        "staatsangehoerigkeit", "aufenthaltsstatus", "sprache", "aussehen_gewicht", "fuersorgeverantwortung",
    ]
    static let groundWeights = [14, 8, 4, 2, 5, 12, 5, 4, 8, 2, 3, 7, 3, 4, 4, 3, 2, 3, 2, 1]
    static let areas = [
        "arbeit", "wohnen", "bildung", "gesundheit", "aemter_behoerden", "auslaenderbehoerde", "jobcenter",
        "polizei_justiz", "gueter_dienstleistungen", "oeffentlicher_raum", "medien_internet", "freizeit", "sonstiges",
    ]
    static let areaWeights = [18, 14, 12, 5, 7, 5, 6, 6, 10, 8, 4, 3, 2]
    static let districts = ["duesseldorf", "koeln", "muenster", "detmold", "arnsberg"]
    /// Population in hundred thousands, 2023.
    static let districtWeights = [52, 45, 26, 20, 35]

    /// The two linked tables for `cases` synthetic new cases (one to three grounds each).
    public static func linkedRelease(cases: Int = 400, seed: UInt64 = 1) -> [StatTable] {
        var random = SplitMix64(seed: seed)
        var byGround = [[Int]](repeating: [Int](repeating: 0, count: areas.count), count: grounds.count)
        var byDistrict = [[Int]](repeating: [Int](repeating: 0, count: districts.count), count: areas.count)
        var groundTotals = [Int](repeating: 0, count: grounds.count)
        var areaTotals = [Int](repeating: 0, count: areas.count)
        var districtTotals = [Int](repeating: 0, count: districts.count)
        for _ in 0..<cases {
            let area = random.pick(areaWeights)
            let district = random.pick(districtWeights)
            var chosen = Set<Int>()
            let count = random.pick([60, 30, 10]) + 1
            while chosen.count < count { chosen.insert(random.pick(groundWeights)) }
            for ground in chosen {
                byGround[ground][area] += 1
                groundTotals[ground] += 1
            }
            byDistrict[area][district] += 1
            areaTotals[area] += 1
            districtTotals[district] += 1
        }
        guard let period = StatPeriod(year: 2026)?.range else { return [] }  // 2026 is always a valid year
        func table(
            _ name: String, _ dimensions: [String], _ codes: [[String]], _ counts: [[Int]],
            _ totals: [[Int]], multiValued: [String]
        ) -> StatTable {
            let cells = codes[0].indices.flatMap { row in
                codes[1].indices.map { column in
                    StatCell(key: [dimensions[0]: codes[0][row], dimensions[1]: codes[1][column]], count: counts[row][column])
                }
            }
            var margins = (0..<2).flatMap { dimension in
                codes[dimension].indices.map { StatCell(key: [dimensions[dimension]: codes[dimension][$0]], count: totals[dimension][$0]) }
            }
            margins.append(StatCell(key: [:], count: cases))
            return StatTable(
                name: name, unit: "neue_faelle", period: period, taxonomy: "3", dimensions: dimensions,
                multiValued: multiValued, cells: cells, margins: margins)
        }
        return [
            table(
                "faelle_nach_merkmal_und_lebensbereich", ["ground", "area"], [grounds, areas], byGround,
                [groundTotals, areaTotals], multiValued: ["ground"]),
            table(
                "faelle_nach_lebensbereich_und_bezirk", ["area", "regierungsbezirk"], [areas, districts], byDistrict,
                [areaTotals, districtTotals], multiValued: []),
        ]
    }

    /// Protects `linkedRelease(cases:seed:)` once and returns the time `protect` took with its result.
    public static func run(cases: Int = 400, seed: UInt64 = 1, rules: DisclosureRules = DisclosureRules())
        throws(DisclosureInputError) -> (duration: Duration, release: ProtectedRelease)
    {
        let tables = linkedRelease(cases: cases, seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        let release = try DisclosureControl.protect(tables, rules: rules)
        return (clock.now - start, release)
    }
}
