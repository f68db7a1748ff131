import Casework
import SichtbarCore

/// `NotificationStore` over the shared in-memory state.
public struct InMemoryNotificationStore: NotificationStore {
    let database: InMemoryDatabase

    /// By case id (SQLite's scan of the primary key); per case new, unread, then due; assignees
    /// by member id, as SQLite's `group_concat` walks them.
    public func waitingItems(tomorrow: Day) async throws -> [WaitingItem] {
        try database.read { state in
            var items: [WaitingItem] = []
            for file in state.cases.values.sorted(by: { Binary.less($0.id, $1.id) }) {
                let assignees = file.assignees.keys.sorted { Binary.less($0, $1) }
                if !file.touched && file.mailbox != nil {
                    items.append(WaitingItem(officeID: file.officeID, caseID: file.id, reason: .newReport, assignees: assignees))
                }
                if file.reporterUnread {
                    items.append(WaitingItem(officeID: file.officeID, caseID: file.id, reason: .reporterUnread, assignees: assignees))
                }
                if file.nextDue == tomorrow {
                    items.append(
                        WaitingItem(officeID: file.officeID, caseID: file.id, reason: .dueTomorrow, day: tomorrow, assignees: assignees))
                }
            }
            return items
        }
    }

    public func notificationRecipients() async throws -> NotificationRecipients {
        try database.read { state in
            var recipients = NotificationRecipients()
            for row in state.officesInOrder {
                if let address = try row.office().profile.notify.flatMap(EmailAddress.init) { recipients.offices[row.id] = address }
            }
            for (memberID, text) in state.notificationAddresses {
                if let address = EmailAddress(text) { recipients.members[memberID] = address }
            }
            return recipients
        }
    }

    /// Sets (or removes) the member's address; the member must exist, as the foreign key wants.
    public func setNotificationAddress(memberID: EntityID, officeID: EntityID, address: EmailAddress?, audit: AuditEvent) async throws {
        try database.write { state in
            if let address {
                guard state.members[memberID] != nil else { throw InMemoryStoreError.constraint("member_notify.member_id") }
                let value = address.value
                guard (3...254).contains(value.utf8.count), !value.utf8.contains(where: { Array(" ,<>\n\r".utf8).contains($0) }) else {
                    throw InMemoryStoreError.constraint("member_notify.address")
                }
                state.notificationAddresses[memberID] = value
            } else {
                state.notificationAddresses[memberID] = nil
            }
            database.audit([audit], chain: officeID, &state)
        }
    }

    public func notificationAddress(memberID: EntityID) async throws -> EmailAddress? {
        try database.read { state in state.notificationAddresses[memberID].flatMap(EmailAddress.init) }
    }
}
