import Casework
import SichtbarCore

/// A period statistics may be computed for: a calendar year (`2026`) or a quarter (`2026-Q3`).
/// No other range exists, so no route can count over an arbitrary window.
public struct StatPeriod: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1…4, or nil for the whole year.
    public let quarter: Int?

    /// The first and last day, as tables carry them.
    public struct Range: Codable, Hashable, Sendable {
        public let from: Day
        public let to: Day
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), (2000...2999).contains(year) else { return nil }
        switch parts.count {
        case 1:
            self.year = year
            quarter = nil
        case 2:
            let second = parts[1]
            guard second.count == 2, second.first == "Q", let quarter = Int(second.dropFirst()), (1...4).contains(quarter) else {
                return nil
            }
            self.year = year
            self.quarter = quarter
        default:
            return nil
        }
    }

    public init?(year: Int, quarter: Int? = nil) {
        guard (2000...2999).contains(year), quarter.map({ (1...4).contains($0) }) ?? true else { return nil }
        self.year = year
        self.quarter = quarter
    }

    public var description: String { quarter.map { "\(year)-Q\($0)" } ?? "\(year)" }

    public var range: Range {
        let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
        let lastMonth = quarter.map { $0 * 3 } ?? 12
        guard let from = Day(year: year, month: firstMonth, day: 1),
            let to = Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year))
        else { preconditionFailure("a period's year lies in 2000…2999, so its first and last day exist") }
        return Range(from: from, to: to)
    }

    /// The `YYYY-MM` months the period covers: what sealed classifications are filed under.
    public var months: [String] {
        let firstMonth = quarter.map { ($0 - 1) * 3 + 1 } ?? 1
        let lastMonth = quarter.map { $0 * 3 } ?? 12
        return (firstMonth...lastMonth).map { month in "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    /// A period is closed once its last day lies before `today`: only closed periods are released.
    public func isClosed(today: Day) -> Bool { range.to < today }
}
