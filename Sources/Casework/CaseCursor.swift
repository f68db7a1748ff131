/// Where a page of the case list ended: the sort key (a day) and the id of the last case.
/// Opaque to clients (`next` in the API), checked when read back.
public struct CaseCursor: Sendable, Equatable {
    public let day: Day
    public let id: EntityID

    public init(day: Day, id: EntityID) {
        self.day = day
        self.id = id
    }

    /// `YYYY-MM-DD.<32 hex digits>`.
    public var token: String { "\(day.iso).\(id.hex)" }

    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Day(iso: String(parts[0])), let id = EntityID(hex: String(parts[1])) else { return nil }
        self.init(day: day, id: id)
    }
}
