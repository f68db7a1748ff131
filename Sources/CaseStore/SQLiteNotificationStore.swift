import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore

/// Notifications over SQLite: what waits, read from plaintext columns only, and where to tell it.
/// `NotificationStore` over SQLite: what waits for whom, and the addresses members chose.
public struct SQLiteNotificationStore: SQLiteStore {
    public let context: SQLiteContext
    public init(_ context: SQLiteContext) { self.context = context }
}

extension SQLiteNotificationStore: NotificationStore {
    public func waitingItems(tomorrow: Day) async throws -> [WaitingItem] {
        try await writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.office_id, c.touched, c.reporter_unread, c.next_due,
                           EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id) AS intake,
                           (SELECT group_concat(hex(a.member_id)) FROM case_assignee a WHERE a.case_id = c.id) AS assignees
                    FROM case_file c
                    WHERE c.touched = 0 OR c.reporter_unread = 1 OR c.next_due = ?
                    """, arguments: [tomorrow.iso])
            var items: [WaitingItem] = []
            for row in rows {
                guard let id = row.entityID("id"),
                    let office = row.entityID("office_id")
                else { continue }
                let assignees = ((row["assignees"] as String?) ?? "").split(separator: ",").compactMap {
                    EntityID(hex: String($0).lowercased())
                }
                if row["touched"] as Int == 0 && row["intake"] as Bool {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .newReport, assignees: assignees))
                }
                if row["reporter_unread"] as Int == 1 {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .reporterUnread, assignees: assignees))
                }
                if row["next_due"] as String? == tomorrow.iso {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .dueTomorrow, day: tomorrow, assignees: assignees))
                }
            }
            return items
        }
    }

    public func notificationRecipients() async throws -> NotificationRecipients {
        let offices = try await database.offices()
        let members = try await writer.read { db -> [Row] in
            try Row.fetchAll(db, sql: "SELECT member_id, address FROM member_notify")
        }
        var recipients = NotificationRecipients()
        for office in offices {
            if let address = office.profile.notify.flatMap(EmailAddress.init) { recipients.offices[office.id] = address }
        }
        for row in members {
            if let id = row.entityID("member_id"), let address = EmailAddress(row["address"]) {
                recipients.members[id] = address
            }
        }
        return recipients
    }

    public func setNotificationAddress(memberID: EntityID, officeID: EntityID, address: EmailAddress?, audit: AuditEvent) async throws {
        try await writer.write { db in
            if let address {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO member_notify (member_id, address) VALUES (?, ?)",
                    arguments: [memberID, address.value])
            } else {
                try db.execute(sql: "DELETE FROM member_notify WHERE member_id = ?", arguments: [memberID])
            }
            try self.audit([audit], chain: officeID, db)
        }
    }

    public func notificationAddress(memberID: EntityID) async throws -> EmailAddress? {
        try await writer.read { db in
            try String.fetchOne(db, sql: "SELECT address FROM member_notify WHERE member_id = ?", arguments: [memberID])
                .flatMap(EmailAddress.init)
        }
    }
}
