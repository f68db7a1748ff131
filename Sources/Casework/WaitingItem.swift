import SichtbarCore

/// Something that waits for a counsellor, as the notifier sees it: only plaintext the server holds
/// anyway (a case id, its office and assignees, and why). A notification says none of it.
public struct WaitingItem: Sendable, Hashable {
    public enum Reason: String, Sendable {
        /// A report nobody has touched yet.
        case newReport = "new"
        /// The reporter added a message or a file nobody has marked read.
        case reporterUnread = "unread"
        /// The case's next deadline is tomorrow.
        case dueTomorrow = "due"
    }

    public let officeID: EntityID
    public let caseID: EntityID
    public let reason: Reason
    /// The day that makes the item new again (the deadline's day), if any.
    public let day: Day?
    public let assignees: [EntityID]

    public init(officeID: EntityID, caseID: EntityID, reason: Reason, day: Day? = nil, assignees: [EntityID] = []) {
        self.officeID = officeID
        self.caseID = caseID
        self.reason = reason
        self.day = day
        self.assignees = assignees
    }

    /// What "already told" remembers: the same case waiting for the same reason is told once.
    var key: String { "\(caseID.hex):\(reason.rawValue):\(day?.iso ?? "")" }
}

/// Where notifications go: each office's notification address, and members' own addresses for
/// the cases they are assigned to.
public struct NotificationRecipients: Sendable, Equatable {
    public var offices: [EntityID: EmailAddress]
    public var members: [EntityID: EmailAddress]

    public init(offices: [EntityID: EmailAddress] = [:], members: [EntityID: EmailAddress] = [:]) {
        self.offices = offices
        self.members = members
    }
}
