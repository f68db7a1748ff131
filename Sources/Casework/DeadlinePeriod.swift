/// A length of time as the law states it.
public enum DeadlinePeriod: Sendable, Hashable {
    case days(Int), weeks(Int), months(Int), years(Int)
}
