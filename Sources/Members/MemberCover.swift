import SichtbarCore

/// A Vertretung: while `absent` is away (to `until`, inclusive), `cover` sees and works the
/// cases `absent` is assigned to. Set by a lead, one at a time per absent member, audited.
public struct MemberCover: Sendable, Equatable {
    public let absentID: EntityID
    public let absent: String
    public let coverID: EntityID
    public let cover: String
    public let from: Day
    public let until: Day

    public init(absentID: EntityID, absent: String, coverID: EntityID, cover: String, from: Day, until: Day) {
        self.absentID = absentID
        self.absent = absent
        self.coverID = coverID
        self.cover = cover
        self.from = from
        self.until = until
    }

    public func isActive(on day: Day) -> Bool { from <= day && day <= until }
}
