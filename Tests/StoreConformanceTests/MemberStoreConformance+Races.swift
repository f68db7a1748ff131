import Foundation
import Members
import SichtbarCore
import SichtbarTesting
import Testing

/// `MemberStore` under races: one enrolment per invitation, one unbroken chain from concurrent appends.
extension MemberStoreConformance {
    /// One invitation, several enrolments at once: one member joins.
    @Test(arguments: Engine.allCases) func concurrentEnrolmentsWithOneInvitationEnrolOne(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let invitation = try Invitation.issue(secrets: fixture.keys.secrets.combined)
        try await fixture.stores.setup.createInvitation(invitation, officeID: fixture.office.id, role: .counsellor)
        let candidates = try (0..<5).map { index in try ConformanceFixture.member("neu\(index)", .counsellor, officeID: fixture.office.id) }
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for member in candidates {
                group.addTask {
                    do {
                        try await fixture.members.enrol(
                            member, invitationHash: invitation.tokenHash, now: Date(),
                            officeSeals: fixture.keys.seals(to: member.publicKey, recipientName: member.id.hex, version: 1),
                            verbandSeal: nil,
                            manifest: nil, audit: fixture.event(member.username, .memberEnrolled))
                        return true
                    } catch MemberStoreError.invitationUnusable {
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        #expect(try await fixture.members.members(officeID: fixture.office.id).count == 3)
        #expect(try await fixture.actions() == ["member.enrolled"])
    }

    /// Audit appends from many tasks interleave into one unbroken chain.
    @Test(arguments: Engine.allCases) func concurrentAppendsKeepTheChainIntact(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<20 {
                group.addTask {
                    try await fixture.members.record(
                        [fixture.event("lead.a", .caseViewed, "case-\(index)"), fixture.event("lead.a", .caseListViewed, "\(index)")],
                        chain: fixture.office.id)
                }
            }
            try await group.waitForAll()
        }
        let entries = try await fixture.entries()
        #expect(entries.map(\.sequence) == Array(1...40))
        for index in 0..<20 {
            let position = try #require(entries.firstIndex { $0.event.subject == "case-\(index)" })
            #expect(entries[position + 1].event.subject == "\(index)", "one call's events stay together")
        }
        #expect(try await fixture.verify() == .intact(count: 40))
    }
}
