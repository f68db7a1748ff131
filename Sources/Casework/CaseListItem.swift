import SichtbarCore
import Workflow

/// A case as the list shows it: no content beyond the title the counsellors gave it.
public struct CaseListItem: Sendable, Equatable {
    public let id: EntityID
    public let reference: String
    public let kind: String
    public let step: String
    public let channel: String
    public let receivedOn: Day
    public let title: String
    public let assignees: [CaseAssignment]
    /// The reporter wrote (a message or a file) and no counsellor has marked it read.
    public var unread: Bool = false
    public let deadlines: [DeadlineStatus]

    /// The worst state of its open deadlines, for the badge.
    public var urgency: DeadlineState? {
        if deadlines.contains(where: { $0.state == .overdue }) { return .overdue }
        if deadlines.contains(where: { $0.state == .dueSoon }) { return .dueSoon }
        return nil
    }
}
