import Casework
import SichtbarCore

/// One noisy release charged to the privacy budget: which release, which period it counts, the
/// ε it spent (all its tables together, see `NoisyTables.cost`), and the day it was frozen.
public struct PrivacyLedgerEntry: Codable, Sendable, Equatable {
    public var releaseID: String
    public var period: StatPeriod
    public var epsilon: Epsilon
    public var day: Day

    public init(releaseID: String, period: StatPeriod, epsilon: Epsilon, day: Day) {
        self.releaseID = releaseID
        self.period = period
        self.epsilon = epsilon
        self.day = day
    }

    enum CodingKeys: String, CodingKey { case releaseID, period, epsilon, day }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        releaseID = try container.decode(String.self, forKey: .releaseID)
        let periodText = try container.decode(String.self, forKey: .period)
        guard let period = StatPeriod(periodText) else {
            throw DecodingError.dataCorruptedError(forKey: .period, in: container, debugDescription: "not a year or a quarter")
        }
        self.period = period
        epsilon = try container.decode(Epsilon.self, forKey: .epsilon)
        day = try container.decode(Day.self, forKey: .day)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(releaseID, forKey: .releaseID)
        try container.encode(period.description, forKey: .period)
        try container.encode(epsilon, forKey: .epsilon)
        try container.encode(day, forKey: .day)
    }
}
