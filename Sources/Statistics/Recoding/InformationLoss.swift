/// What protection costs readers of one publication (docs/disclosure-control.md, "Information
/// loss"), measured on the tables as published against their exact counts:
/// - counts: how many of the printed cells and margins read "<5" or "–";
/// - cases: how many of the counted cases (Nennungen in a multi-valued table) sit in a
///   suppressed cell; a case in a merged cell is still counted, so it is not hidden;
/// - merged codes: how many codes recoding no longer shows on their own.
public struct InformationLoss: Hashable, Sendable, CustomStringConvertible {
    public var counts: Int
    public var hiddenCounts: Int
    public var cases: Int
    public var hiddenCases: Int
    public var mergedCodes: Int

    public init(counts: Int = 0, hiddenCounts: Int = 0, cases: Int = 0, hiddenCases: Int = 0, mergedCodes: Int = 0) {
        self.counts = counts
        self.hiddenCounts = hiddenCounts
        self.cases = cases
        self.hiddenCases = hiddenCases
        self.mergedCodes = mergedCodes
    }

    /// Share of counts hidden, 0…1.
    public var countShare: Double { counts == 0 ? 0 : Double(hiddenCounts) / Double(counts) }
    /// Share of cases hidden, 0…1.
    public var caseShare: Double { cases == 0 ? 0 : Double(hiddenCases) / Double(cases) }

    /// Whether this loses less than `other`: fewer cases hidden first, then fewer counts.
    public func isLower(than other: InformationLoss) -> Bool {
        let mine = (hiddenCases * max(other.cases, 1), hiddenCounts * max(other.counts, 1))
        let theirs = (other.hiddenCases * max(cases, 1), other.hiddenCounts * max(counts, 1))
        return mine < theirs
    }

    public var description: String {
        "\(hiddenCounts) of \(counts) counts (\(Self.percent(countShare))) and \(hiddenCases) of \(cases) cases (\(Self.percent(caseShare))) hidden"
            + (mergedCodes > 0 ? ", \(mergedCodes) codes merged" : "")
    }

    static func percent(_ share: Double) -> String { "\((share * 1000).rounded() / 10) %" }

    /// The loss of `published` (protected, maybe recoded) against `exact` (the same tables
    /// before recoding and suppression, in the same order).
    public static func measure(exact: [StatTable], published: [StatTable]) -> InformationLoss {
        var loss = InformationLoss()
        var merged = Set<String>()
        for (before, after) in zip(exact, published) {
            var groupOf: [String: [String: String]] = [:]
            for (dimension, groups) in after.recoded {
                for (code, members) in groups {
                    for member in members { groupOf[dimension, default: [:]][member] = code }
                    merged.formUnion(members.map { "\(dimension)=\($0)" })
                }
            }
            var exactCells: [[String: String]: Int] = [:]
            for cell in before.cells {
                var key = cell.key
                for (dimension, code) in key { if let group = groupOf[dimension]?[code] { key[dimension] = group } }
                exactCells[key, default: 0] += cell.count ?? 0
            }
            for cell in after.cells + after.margins {
                let isHidden = cell.suppressed || cell.count == nil
                loss.counts += 1
                if isHidden { loss.hiddenCounts += 1 }
                guard cell.key.count == after.dimensions.count else { continue }
                let cases = exactCells[cell.key] ?? 0
                loss.cases += cases
                if isHidden { loss.hiddenCases += cases }
            }
        }
        loss.mergedCodes = merged.count
        return loss
    }
}
