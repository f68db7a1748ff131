import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// The team: caseloads, and a cover that opens the absent member's cases to the cover while it
/// lasts, and only then.
@Suite("Team and cover")
struct CoverTests {
    @Test func aCoverSeesTheAbsentMembersCasesWhileItLasts() async throws {
        let fixture = try await ServiceFixture.make()
        let lead = try await fixture.login("lead.a")
        let absent = try await fixture.login("berater.a1")
        let cover = try await fixture.login("berater.a2")
        let service = fixture.casework
        try await service.setTeamAccess(false, by: lead)
        let (_, caseID) = try await fixture.report()
        try await service.assign([("berater.a1", .beratung)], to: caseID, by: lead)
        await #expect(throws: AccessError.self, "not assigned, the team closed") { _ = try await service.open(caseID, for: cover) }

        let today = Day(fixture.clock.now)
        await #expect(throws: FieldError.self) {
            try await service.setCover(absent: "berater.a1", cover: "berater.a1", until: today, by: lead)
        }
        await #expect(throws: FieldError.self) {
            try await service.setCover(absent: "berater.a1", cover: "berater.b", until: today, by: lead)
        }
        await #expect(throws: AccessError.self, "only leads") {
            try await service.setCover(absent: "berater.a1", cover: "berater.a2", until: today, by: absent)
        }
        try await service.setCover(absent: "berater.a1", cover: "berater.a2", until: today.adding(days: 3), by: lead)

        #expect(try await service.open(caseID, for: cover).id == caseID)
        var mine = CaseListFilter(assignment: .mine, limit: 50)
        mine.sort = .urgency
        #expect(try await service.list(mine, for: cover).items.map(\.id) == [caseID], "the covered cases are among 'mine'")
        #expect(try await service.dueDeadlines(for: cover, mine: true).contains { $0.item.id == caseID })

        let team = try await service.team(for: lead)
        let a1 = try #require(team.first { $0.username == "berater.a1" })
        #expect(a1.openCases == 1 && a1.dueSoon == 1 && a1.overdue == 0)
        #expect(a1.coveredBy?.cover == "berater.a2")
        #expect(team.first { $0.username == "berater.a2" }?.covering.map(\.absent) == ["berater.a1"])
        await #expect(throws: AccessError.self) { _ = try await service.team(for: cover) }

        // After its last day the cover ends by itself.
        fixture.clock.advance(days: 4)
        await #expect(throws: AccessError.self) { _ = try await service.open(caseID, for: cover) }
        try await service.endCover(absent: "berater.a1", by: lead)
        await #expect(throws: FieldError.self, "no cover left to end") { try await service.endCover(absent: "berater.a1", by: lead) }
        let audit = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000).map(\.event)
        #expect(audit.contains { $0.action == "member.cover_set" && $0.subject.hasPrefix("berater.a1 berater.a2 ") })
        #expect(audit.contains { $0.action == "member.cover_ended" && $0.subject == "berater.a1" })
    }
}
