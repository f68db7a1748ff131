import Statistics
import Testing

@Suite("Noisy tables for mode: dp")
struct NoisyTablesTests {
    static func table(_ name: String = "faelle", counts: [[Int]], multiValued: [String] = []) throws -> StatTable {
        let areas = ["wohnen", "arbeit", "bildung"]
        let districts = ["arnsberg", "koeln"]
        var cells: [StatCell] = []
        for (row, area) in areas.enumerated() {
            for (column, district) in districts.enumerated() {
                cells.append(StatCell(key: ["area": area, "bezirk": district], count: counts[row][column]))
            }
        }
        var margins = areas.enumerated().map { row, area in StatCell(key: ["area": area], count: counts[row].reduce(0, +)) }
        margins += districts.enumerated().map { column, district in
            StatCell(key: ["bezirk": district], count: counts.map { $0[column] }.reduce(0, +))
        }
        margins.append(StatCell(key: [:], count: counts.joined().reduce(0, +)))
        return StatTable(
            name: name, unit: "neue_faelle", period: try #require(StatPeriod("2026")).range, taxonomy: "3",
            dimensions: ["area", "bezirk"], multiValued: multiValued, cells: cells, margins: margins)
    }

    private func sum(_ table: StatTable, matching key: [String: String]) -> Int {
        table.cells.filter { cell in key.allSatisfy { cell.key[$0.key] == $0.value } }.compactMap(\.count).reduce(0, +)
    }

    @Test func cellsGetNoiseAndMarginsAddUp() throws {
        let exact = try Self.table(counts: [[12, 3], [0, 1], [40, 7]])
        var source = SeededRandomSource(seed: 7)
        let noisy = try NoisyTables.apply([exact, exact], epsilon: try #require(Epsilon("1/2")), source: &source)
        #expect(noisy.count == 2)
        for table in noisy {
            #expect(table.cells.map(\.key) == exact.cells.map(\.key) && table.margins.map(\.key) == exact.margins.map(\.key))
            #expect(table.cells.allSatisfy { ($0.count ?? -1) >= 0 && !$0.suppressed && !$0.primary })
            for margin in table.margins {
                #expect(margin.count == sum(table, matching: margin.key) && !margin.suppressed)
            }
        }
        // Independent draws: the two copies differ, and something moved.
        #expect(noisy[0].cells != noisy[1].cells)
        #expect(noisy[0].cells != exact.cells)
        // Reproducible with the same seed.
        var again = SeededRandomSource(seed: 7)
        #expect(try NoisyTables.apply([exact, exact], epsilon: try #require(Epsilon("1/2")), source: &again) == noisy)
    }

    /// One draw of −3 for a cell of 1: clamped to 0 (post-processing, no privacy cost).
    @Test func countsAreClampedAtZero() throws {
        let exact = try Self.table(counts: [[1, 0], [0, 0], [0, 0]])
        // ε = 1: U = 0 (one value), D [0], V = 3 coins of [0, 0, 2] then [0, 1], B = [0] negative → −3;
        // then the other five cells draw 0: U, D, a failing coin, B positive.
        let minusThree: [UInt64] = [0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 1, 0]
        let zero: [UInt64] = [0, 0, 0, 1, 1]
        var source = ScriptedRandomSource(minusThree + Array([[UInt64]](repeating: zero, count: 5).joined()))
        let noisy = try NoisyTables.apply([exact], epsilon: try #require(Epsilon("1")), source: &source)
        #expect(source.exhausted && source.problems.isEmpty)
        #expect(noisy[0].cells.allSatisfy { $0.count == 0 })
        #expect(noisy[0].margins.allSatisfy { $0.count == 0 })
        // Many zero cells: all stay ≥ 0, the mean bias is E[max(0, Z)] = e^−ε/((1 − e^−ε)(1 + e^−ε)) ≈ 0.43.
        let zeros = try Self.table(counts: [[0, 0], [0, 0], [0, 0]])
        var seeded = SeededRandomSource(seed: 11)
        let many = try NoisyTables.apply(Array(repeating: zeros, count: 2000), epsilon: try #require(Epsilon("1")), source: &seeded)
        let counts = many.flatMap(\.cells).compactMap(\.count)
        #expect(counts.count == 12000 && counts.allSatisfy { $0 >= 0 })
        let mean = Double(counts.reduce(0, +)) / Double(counts.count)
        #expect((0.38...0.48).contains(mean), "\(mean)")
    }

    /// Along a multi-valued dimension the margin is not the sum of its cells: noised on its own.
    @Test func nonAdditiveMarginsAreNoisedOnTheirOwn() throws {
        let exact = try Self.table(counts: [[12, 3], [5, 1], [40, 7]], multiValued: ["area"])
        var source = SeededRandomSource(seed: 3)
        let noisy = try NoisyTables.apply([exact], epsilon: try #require(Epsilon("1/2")), source: &source)[0]
        for margin in noisy.margins where margin.key["area"] != nil {
            #expect(margin.count == sum(noisy, matching: margin.key))
        }
        let independent = noisy.margins.filter { $0.key["area"] == nil }
        #expect(independent.count == 3)
        #expect(independent.contains { $0.count != sum(noisy, matching: $0.key) })
        #expect(!noisy.additive && noisy.multiValued == ["area"])
    }

    @Test func exactTablesOnly() throws {
        var source = SeededRandomSource(seed: 1)
        var suppressed = try Self.table(counts: [[12, 3], [0, 1], [40, 7]])
        suppressed.cells[1] = StatCell(key: suppressed.cells[1].key, count: nil, suppressed: true, primary: true)
        #expect(throws: NoisyTablesError.countMissing(table: "faelle", key: suppressed.cells[1].key)) {
            try NoisyTables.apply([suppressed], epsilon: try #require(Epsilon("1")), source: &source)
        }
        var strayKey = try Self.table(counts: [[12, 3], [0, 1], [40, 7]])
        strayKey.margins.append(StatCell(key: ["gender": "w"], count: 3))
        #expect(throws: NoisyTablesError.keyDoesNotFit(table: "faelle", key: ["gender": "w"])) {
            try NoisyTables.apply([strayKey], epsilon: try #require(Epsilon("1")), source: &source)
        }
        var shortKey = try Self.table(counts: [[12, 3], [0, 1], [40, 7]])
        shortKey.cells[0] = StatCell(key: ["area": "wohnen"], count: 12)
        #expect(throws: NoisyTablesError.keyDoesNotFit(table: "faelle", key: ["area": "wohnen"])) {
            try NoisyTables.apply([shortKey], epsilon: try #require(Epsilon("1")), source: &source)
        }
        #expect(throws: NoisyTablesError.unusableEpsilon(.zero)) {
            try NoisyTables.apply([shortKey], epsilon: .zero, source: &source)
        }
    }

    @Test func theCostCountsEverythingOneCaseChanges() throws {
        let half = try #require(Epsilon("1/2"))
        let additive = try Self.table(counts: [[1, 1], [1, 1], [1, 1]])
        // One case is one cell per table; margins are sums: ε per table.
        #expect(NoisyTables.cost(of: [additive, additive], epsilon: half, maximumValues: [:]) == Epsilon("1"))
        // Up to 12 grounds per case: 12 cells, plus the margins {bezirk} and {} noised on their own.
        let grounds = try Self.table(counts: [[1, 1], [1, 1], [1, 1]], multiValued: ["area"])
        #expect(NoisyTables.cost(of: [grounds], epsilon: half, maximumValues: ["area": 12]) == Epsilon("7"))
        #expect(NoisyTables.cost(of: [grounds], epsilon: half, maximumValues: [:]) == nil)
        #expect(NoisyTables.cost(of: [], epsilon: half, maximumValues: [:]) == .zero)
    }
}
