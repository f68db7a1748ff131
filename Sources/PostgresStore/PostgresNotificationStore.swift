import Casework
import Foundation
import Sealing
import SichtbarCore

/// `NotificationStore` over PostgreSQL: what waits for whom, read from plaintext columns only,
/// and the addresses members chose.
public struct PostgresNotificationStore: PostgresBacked {
    public let context: PostgresContext
    public init(_ context: PostgresContext) { self.context = context }
}

extension PostgresNotificationStore: NotificationStore {
    public func waitingItems(tomorrow: Day) async throws -> [WaitingItem] {
        try await database.read { session in
            var items: [WaitingItem] = []
            for row in try await session.rows(
                """
                SELECT c.id, c.office_id, c.touched, c.reporter_unread, c.next_due,
                       EXISTS (SELECT 1 FROM mailbox m WHERE m.case_id = c.id) AS intake,
                       (SELECT string_agg(encode(a.member_id, 'hex'), ',') FROM case_assignee a WHERE a.case_id = c.id) AS assignees
                FROM case_file c
                WHERE NOT c.touched OR c.reporter_unread OR c.next_due = \(tomorrow)
                ORDER BY c.id
                """)
            {
                guard let id = row.id("id"), let office = row.id("office_id") else { continue }
                let assignees = (try row.optionalString("assignees") ?? "").split(separator: ",").compactMap { EntityID(hex: String($0)) }
                let new = try !row.bool("touched") && row.bool("intake")
                if new {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .newReport, assignees: assignees))
                }
                if try row.bool("reporter_unread") {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .reporterUnread, assignees: assignees))
                }
                if row.day("next_due") == tomorrow {
                    items.append(WaitingItem(officeID: office, caseID: id, reason: .dueTomorrow, day: tomorrow, assignees: assignees))
                }
            }
            return items
        }
    }

    public func notificationRecipients() async throws -> NotificationRecipients {
        let offices = try await database.offices()
        let members = try await database.read { session in
            try await session.rows("SELECT member_id, address FROM member_notify ORDER BY member_id").compactMap { row -> MemberAddress? in
                guard let id = row.id("member_id"), let address = EmailAddress(try row.string("address")) else { return nil }
                return MemberAddress(memberID: id, address: address)
            }
        }
        var recipients = NotificationRecipients()
        for office in offices {
            if let address = office.profile.notify.flatMap(EmailAddress.init) { recipients.offices[office.id] = address }
        }
        for member in members { recipients.members[member.memberID] = member.address }
        return recipients
    }

    public func setNotificationAddress(memberID: EntityID, officeID: EntityID, address: EmailAddress?, audit: AuditEvent) async throws {
        try await database.write { session in
            if let address {
                try await session.execute(
                    """
                    INSERT INTO member_notify (member_id, address) VALUES (\(memberID), \(address.value))
                    ON CONFLICT (member_id) DO UPDATE SET address = excluded.address
                    """)
            } else {
                try await session.execute("DELETE FROM member_notify WHERE member_id = \(memberID)")
            }
            try await self.audit([audit], chain: officeID, session)
        }
    }

    public func notificationAddress(memberID: EntityID) async throws -> EmailAddress? {
        try await database.read { session in
            try await session.one("SELECT address FROM member_notify WHERE member_id = \(memberID)").flatMap {
                EmailAddress(try $0.string(0))
            }
        }
    }
}
