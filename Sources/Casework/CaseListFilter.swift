/// What a counsellor asks of the case list (`GET /api/v1/cases`, `/cases`).
public struct CaseListFilter: Sendable, Equatable {
    public enum Assignment: String, Sendable, CaseIterable {
        /// Cases the member is assigned to.
        case mine
        /// Cases nobody is assigned to.
        case none
    }

    public enum Due: String, Sendable, CaseIterable {
        case overdue
        /// Overdue or ending within the policy's warning days.
        case soon
    }

    public enum Sort: String, Sendable, CaseIterable {
        /// Newest first (the default of the API).
        case received
        /// Overdue deadlines first, then unread reporter messages, then due soon (the list page's default).
        case urgency
    }

    public var step: String?
    public var assignment: Assignment?
    /// Only cases with a reporter's message or file nobody marked read.
    public var unread = false
    public var sort: Sort?
    public var due: Due?
    /// A case reference, or a category code of the counsellor's classification.
    public var query: String?
    public var after: CaseCursor?
    public var limit: Int

    public init(
        step: String? = nil, assignment: Assignment? = nil, due: Due? = nil, query: String? = nil, after: CaseCursor? = nil,
        limit: Int = 50
    ) {
        self.step = step
        self.assignment = assignment
        self.due = due
        self.query = query
        self.after = after
        self.limit = limit
    }
}
