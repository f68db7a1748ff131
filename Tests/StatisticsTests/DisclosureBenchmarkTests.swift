import Statistics
import Testing

/// Times `protect` on the realistic linked release (20 grounds × 13 areas, Nennungen, linked to
/// 13 areas × 5 Regierungsbezirke) and checks its output with the independent LP oracle on a
/// sample of the suppressed counts.
@Suite("Disclosure control: benchmark release")
struct DisclosureBenchmarkTests {
    @Test func theLinkedReleaseIsProtected() throws {
        let tables = DisclosureBenchmark.linkedRelease()
        let (duration, protected) = try DisclosureBenchmark.run()
        print(
            "protect on 20×13 + 13×5 (\(tables.map { $0.cells.count + $0.margins.count }.reduce(0, +)) printed counts): \(duration), \(protected.summary)"
        )
        #expect(protected.verdict == .safe)
        #expect(protected.summary.fallback == .none)
        let oracle = OracleSystem(protected.tables)
        let simplex = try #require(OracleSimplex(oracle))
        let suppressed = oracle.suppressed.sorted()
        let sample = stride(from: 0, to: suppressed.count, by: max(1, suppressed.count / 4)).map { suppressed[$0] }
        for quantity in sample {
            let range = try #require(simplex.range(of: quantity))
            if let high = range.high { #expect(!(high - range.low < OracleFraction(5)), "\(oracle.names[quantity])") }
        }
        for table in protected.tables {
            for cell in table.cells + table.margins {
                if let count = cell.count { #expect(count == 0 || count >= 5) }
            }
        }
    }
}
