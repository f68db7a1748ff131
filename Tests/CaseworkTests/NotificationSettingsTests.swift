import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// The office's and the members' notification addresses through `NotificationSettings`: the
/// address a member sets, checked and audited without the address itself.
@Suite struct NotificationSettingsTests {
    @Test func addressesComeFromTheProfileAndTheMembers() async throws {
        let fixture = try await ServiceFixture.make()
        var profile = fixture.officeA.profile
        profile.notify = "beratung@ada-koeln.de"
        try await fixture.stores.setup.updateProfile(officeID: fixture.officeA.id, profile: profile)
        let settings = NotificationSettings(store: fixture.stores.notifications)
        let counsellor = try await fixture.login("berater.a1")
        await #expect(throws: FieldError.self, "a malformed address is refused") {
            try await settings.setAddress("carla@ada-koeln.de\r\nBcc: x@y.de", by: counsellor)
        }
        try await settings.setAddress(" carla@ada-koeln.de ", by: counsellor)
        #expect(try await settings.address(for: counsellor)?.value == "carla@ada-koeln.de")
        let recipients = try await fixture.stores.notifications.notificationRecipients()
        #expect(recipients.offices == [fixture.officeA.id: EmailAddress("beratung@ada-koeln.de")!])
        #expect(recipients.members == [counsellor.memberID: EmailAddress("carla@ada-koeln.de")!])
        try await settings.setAddress("", by: counsellor)
        #expect(try await fixture.stores.notifications.notificationRecipients().members.isEmpty)
        var audit: [String] = []
        for chain in try await fixture.store.chains() {
            audit += try await fixture.audit(chain).filter { $0.action == "member.notification_address_set" }.map {
                "\($0.actor) \($0.subject)"
            }
        }
        #expect(audit == ["berater.a1 set", "berater.a1 removed"], "audited, without the address")
    }
}
