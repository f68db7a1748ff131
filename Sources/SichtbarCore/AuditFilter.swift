import Foundation

/// What a lead narrows the audit page to: one member, one case (a reference or its start), one
/// day in Berlin. All given ones must match; newest first.
public struct AuditFilter: Sendable, Equatable {
    public var actor: String?
    /// Subjects from `lower` (inclusive) to `upper` (exclusive): the case ids a reference names,
    /// in the lower-case hex the audit subjects begin with.
    public var subjects: (lower: String, upper: String?)?
    /// UTC timestamps from `from` (inclusive) to `to` (exclusive): one Berlin day.
    public var times: (from: String, to: String)?

    public init(actor: String? = nil) {
        self.actor = actor
    }

    public var isEmpty: Bool { actor == nil && subjects == nil && times == nil }

    public static func == (lhs: AuditFilter, rhs: AuditFilter) -> Bool {
        lhs.actor == rhs.actor && lhs.subjects?.lower == rhs.subjects?.lower && lhs.subjects?.upper == rhs.subjects?.upper
            && lhs.times?.from == rhs.times?.from && lhs.times?.to == rhs.times?.to
    }

    /// The case a reference (or its first four or more symbols) names; nil when the text is none.
    public mutating func setCase(_ reference: String) -> Bool {
        guard let range = CaseReference.ids(startingWith: reference) else { return false }
        subjects = (Self.hex(range.lower), range.upper.map(Self.hex))
        return true
    }

    /// The UTC span of a day in Europe/Berlin (23, 24 or 25 hours).
    public mutating func setDay(_ day: Day) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let start = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date()
        let next = day.adding(days: 1)
        let end = calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? start
        times = (AuditEvent.timestamp(start), AuditEvent.timestamp(end))
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
