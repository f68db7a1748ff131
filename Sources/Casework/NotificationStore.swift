import SichtbarCore

/// The store seam for notifications: what waits, and where to tell it.
public protocol NotificationStore: Sendable {
    /// New reports, unread reporter additions, and cases whose next deadline is `tomorrow`, in every office.
    func waitingItems(tomorrow: Day) async throws -> [WaitingItem]
    /// The offices' notification addresses and the members' own.
    func notificationRecipients() async throws -> NotificationRecipients
    /// Sets (or with nil removes) a member's own notification address, with its audit event.
    func setNotificationAddress(memberID: EntityID, officeID: EntityID, address: EmailAddress?, audit: AuditEvent) async throws
    /// A member's own notification address.
    func notificationAddress(memberID: EntityID) async throws -> EmailAddress?
}
