import SichtbarCore

/// Where a page of the case list ended: the sort key (a day) and the id of the last case.
/// Opaque to clients (`next` in the API), checked when read back.
public struct CaseCursor: Sendable, Equatable {
    public let day: Day
    public let id: EntityID
    /// The urgency group of the last case, for the list sorted by urgency (0 overdue … 3 the rest).
    public let bucket: Int?

    public init(day: Day, id: EntityID, bucket: Int? = nil) {
        self.day = day
        self.id = id
        self.bucket = bucket
    }

    /// `YYYY-MM-DD.<32 hex digits>`, with `<bucket>.` in front in urgency order.
    public var token: String { (bucket.map { "\($0)." } ?? "") + "\(day.iso).\(id.hex)" }

    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 2:
            guard let day = Day(iso: parts[0]), let id = EntityID(hex: parts[1]) else { return nil }
            self.init(day: day, id: id)
        case 3:
            guard let bucket = Int(parts[0]), (0...3).contains(bucket), let day = Day(iso: parts[1]), let id = EntityID(hex: parts[2])
            else { return nil }
            self.init(day: day, id: id, bucket: bucket)
        default:
            return nil
        }
    }
}
