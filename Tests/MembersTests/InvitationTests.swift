import SichtbarTesting
import Testing

@testable import Members
@testable import Sealing

@Suite("Invitation tokens")
struct InvitationTests {
    /// One token in 64 would start with "-", which the command line reads as an option
    /// (`user enrol --invitation -…`). Over 2,000 tokens that would almost surely happen.
    @Test func noTokenStartsWithADash() throws {
        let secrets = SecureBytes(randomCount: 64)
        for _ in 0..<2_000 {
            let invitation = try Invitation.issue(secrets: secrets)
            #expect(!invitation.token.hasPrefix("-"), "\(invitation.token)")
            #expect(invitation.token.count == 43)
        }
    }
}
