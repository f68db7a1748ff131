/// A length of time as the law states it.
///
/// Kept in the law's own unit rather than converted to days, because § 188 BGB
/// ends a period of weeks, months or years on the day that corresponds by name
/// or number to the event's day, which no fixed number of days can express.
public enum DeadlinePeriod: Sendable, Hashable {
    case days(Int)
    case weeks(Int)
    case months(Int)
    case years(Int)

    /// The number the law states, whatever its unit.
    var count: Int {
        switch self {
        case .days(let count), .weeks(let count), .months(let count), .years(let count):
            return count
        }
    }
}
