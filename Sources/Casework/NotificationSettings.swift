import Foundation
import Members
import SichtbarCore

/// A member's own notification address: told (without content) that something waits in the
/// cases they are assigned to. Counsellors and leads only; the change is audited, the address not.
public struct NotificationSettings: Sendable {
    public let store: any NotificationStore

    public init(store: any NotificationStore) {
        self.store = store
    }

    public func address(for session: Session) async throws -> EmailAddress? {
        guard session.worksCases else { return nil }
        return try await store.notificationAddress(memberID: session.memberID)
    }

    /// Sets the address, or removes it when `text` is empty.
    public func setAddress(_ text: String, by session: Session) async throws {
        guard session.worksCases, let officeID = session.officeID else { throw AccessError.notFound }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var address: EmailAddress?
        if !trimmed.isEmpty {
            guard let parsed = EmailAddress(trimmed) else {
                throw FieldError.invalid(field: "notify", message: "an e-mail address like name@example.org is needed")
            }
            address = parsed
        }
        try await store.setNotificationAddress(
            memberID: session.memberID, officeID: officeID, address: address,
            audit: .member(session.username, .notificationAddressSet, address == nil ? "removed" : "set"))
    }
}
