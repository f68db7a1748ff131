import Casework
import Foundation
import SichtbarTesting
import Statistics
import Testing

@Suite("The in-memory engine as ReleaseStore: frozen once per period, sent once, audited")
struct ReleaseStoreTests {
    @Test func aReleaseIsFrozenAndSentOnce() async throws {
        let fixture = try await ServiceFixture.make()
        let (store, storeSeams) = (fixture.store, fixture.stores)
        let office = fixture.officeA.id
        let first = StoredRelease(
            id: .random(), officeID: office, period: "2026-Q3", createdAt: "2026-10-02T09:00:00Z", keyVersion: 1,
            sealed: [1, 2, 3])
        #expect(try await storeSeams.releases.freeze(first, audit: .member("lead.a", .releaseFrozen, "2026-Q3")) == first)
        let second = StoredRelease(
            id: .random(), officeID: office, period: "2026-Q3", createdAt: "2026-10-05T09:00:00Z", keyVersion: 1,
            sealed: [9, 9, 9])
        #expect(
            try await storeSeams.releases.freeze(second, audit: .member("lead.a", .releaseFrozen, "2026-Q3")) == first,
            "asked again for the same period, the first computation stands")
        #expect(try await storeSeams.releases.releases(officeID: office).map(\.id) == [first.id])
        #expect(try await storeSeams.releases.releases(officeID: fixture.officeB.id).isEmpty)
        #expect(
            try await storeSeams.releases.release(id: first.id, officeID: fixture.officeB.id) == nil,
            "another office's release is not found")
        #expect(try await storeSeams.releases.sentReleases().isEmpty)

        #expect(
            try await storeSeams.releases.markSent(
                id: first.id, officeID: office, verbandCopy: [7, 7], at: "2026-10-03T09:00:00Z",
                audit: .member("lead.a", .releaseSent, "2026-Q3")))
        #expect(
            try await !storeSeams.releases.markSent(
                id: first.id, officeID: office, verbandCopy: [8, 8], at: "2026-10-04T09:00:00Z",
                audit: .member("lead.a", .releaseSent, "2026-Q3")), "sent once")
        #expect(
            try await !storeSeams.releases.markSent(
                id: first.id, officeID: fixture.officeB.id, verbandCopy: [8], at: "2026-10-04T09:00:00Z",
                audit: .member("x", .releaseSent, "2026-Q3")))
        let sent = try await storeSeams.releases.sentReleases()
        #expect(sent.map(\.verbandCopy) == [[7, 7]] && sent.first?.sentAt == "2026-10-03T09:00:00Z")

        let actions = try await store.auditEntries(chain: office, from: 1, limit: 100).map(\.event.action)
        #expect(actions.filter { $0 == "release.frozen" }.count == 1, "the refused second freeze wrote no event")
        #expect(actions.filter { $0 == "release.sent" }.count == 1)
    }
}
