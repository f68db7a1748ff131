import SichtbarCore

/// Which of an office's cases to list, in which order, from where.
public struct CaseQuery: Sendable, Equatable {
    public enum Due: Sendable, Equatable {
        /// An open deadline ended before this day.
        case overdue(today: Day)
        /// An open deadline ends on or before this day (overdue ones included).
        case until(Day)
    }

    public let officeID: EntityID
    /// Access: only cases one of these members is assigned to (a counsellor, and the members
    /// they cover, where the team does not see all).
    public var visibleTo: [EntityID]?
    /// Filter: cases not in these steps (the closed ones, for a caseload).
    public var excludedSteps: [String] = []
    public var step: String?
    /// Filter: cases one of these members is assigned to (the member, and those they cover).
    public var assignedTo: [EntityID]?
    /// Filter: cases nobody is assigned to.
    public var unassigned = false
    public var due: Due?
    /// The ids a typed case reference or its start names: `lower` inclusive, `upper` exclusive
    /// (nil: no upper end). See `CaseReference.ids(startingWith:)`.
    public var idRange: IDRange?

    public struct IDRange: Sendable, Equatable {
        public let lower: [UInt8]
        public let upper: [UInt8]?
        public init(lower: [UInt8], upper: [UInt8]?) {
            self.lower = lower
            self.upper = upper
        }
    }
    /// Filter: cases with a reporter's message or file no counsellor marked read.
    public var unread = false
    /// Order by urgency instead: overdue first, then unread reporter messages, then due within
    /// the warning window (up to `soon`), then the rest, each by its next due day.
    public var urgency: Urgency?

    public struct Urgency: Sendable, Equatable {
        public let today: Day
        public let soon: Day
        public init(today: Day, soon: Day) {
            self.today = today
            self.soon = soon
        }
    }
    /// Continue after this cursor (from the previous page).
    public var after: CaseCursor?
    public var limit: Int

    public init(
        officeID: EntityID, visibleTo: [EntityID]? = nil, step: String? = nil, assignedTo: [EntityID]? = nil, due: Due? = nil,
        idRange: IDRange? = nil, after: CaseCursor? = nil, limit: Int = 50
    ) {
        self.officeID = officeID
        self.visibleTo = visibleTo
        self.step = step
        self.assignedTo = assignedTo
        self.due = due
        self.idRange = idRange
        self.after = after
        self.limit = limit
    }

    /// Newest first; with a due filter, the earliest deadline first.
    public var ordersByDue: Bool { due != nil && urgency == nil }
}
