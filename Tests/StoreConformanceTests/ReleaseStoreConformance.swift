import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Statistics
import Testing

/// `ReleaseStore`: frozen once per office and period, admitted inside the freeze, sent once.
@Suite struct ReleaseStoreConformance {
    static func release(_ officeID: EntityID, _ period: String, sealed: [UInt8] = [1, 2, 3], epsilon: String? = nil) -> StoredRelease {
        StoredRelease(
            id: .random(), officeID: officeID, period: period, createdAt: "2026-03-10T09:00:00Z", keyVersion: 1, sealed: sealed,
            epsilon: epsilon)
    }

    /// Asked again for the same period, the first computation stands (noise included), unaudited.
    @Test(arguments: Engine.allCases) func theFirstFreezeOfAPeriodStands(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let first = Self.release(fixture.office.id, "2026-Q1", epsilon: "1/2")
        #expect(try await fixture.stores.releases.freeze(first, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q1")) == first)
        let second = Self.release(fixture.office.id, "2026-Q1", sealed: [9, 9])
        #expect(try await fixture.stores.releases.freeze(second, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q1")) == first)
        #expect(try await fixture.stores.releases.releases(officeID: fixture.office.id) == [first])
        #expect(try await fixture.stores.releases.release(id: first.id, officeID: fixture.office.id) == first)
        #expect(try await fixture.stores.releases.release(id: second.id, officeID: fixture.office.id) == nil)
        #expect(try await fixture.stores.releases.release(id: first.id, officeID: fixture.other.id) == nil, "not another office's")
        let theirs = Self.release(fixture.other.id, "2026-Q1")
        #expect(
            try await fixture.stores.releases.freeze(theirs, audit: fixture.event("lead.b", .releaseFrozen, "2026-Q1")) == theirs,
            "periods are per office")
        #expect(try await fixture.actions() == ["release.frozen"])
        #expect(try await fixture.actions(fixture.other.id) == ["release.frozen"])
        #expect(try await fixture.verify() == .intact(count: 1))
    }

    @Test(arguments: Engine.allCases) func releasesComeNewestPeriodFirst(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        for period in ["2026-Q1", "2025-Q4", "2026-Q3", "2025-Q2"] {
            _ = try await fixture.stores.releases.freeze(
                Self.release(fixture.office.id, period), audit: fixture.event("lead.a", .releaseFrozen, period))
        }
        #expect(
            try await fixture.stores.releases.releases(officeID: fixture.office.id).map(\.period) == [
                "2026-Q3", "2026-Q1", "2025-Q4", "2025-Q2",
            ])
        #expect(try await fixture.stores.releases.releases(officeID: fixture.other.id).isEmpty)
    }

    /// `admit` sees the office's kept releases; its refusal stores and audits nothing.
    @Test(arguments: Engine.allCases) func aRefusedAdmissionStoresNothing(engine: Engine) async throws {
        struct BudgetSpent: Error {}
        let fixture = try await ConformanceFixture.make(engine: engine)
        let kept = Self.release(fixture.office.id, "2026-Q1")
        _ = try await fixture.stores.releases.freeze(kept, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q1"))
        _ = try await fixture.stores.releases.freeze(
            Self.release(fixture.other.id, "2026-Q2"), audit: fixture.event("lead.b", .releaseFrozen))
        let seen = Seen()
        let refused = Self.release(fixture.office.id, "2026-Q2")
        await #expect(throws: BudgetSpent.self) {
            try await fixture.stores.releases.freeze(refused, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q2")) { releases in
                seen.set(releases)
                throw BudgetSpent()
            }
        }
        #expect(seen.releases == [kept], "the office's releases only")
        #expect(try await fixture.stores.releases.releases(officeID: fixture.office.id) == [kept])
        #expect(try await fixture.actions() == ["release.frozen"])
        let admitted = try await fixture.stores.releases.freeze(refused, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q2")) { _ in }
        #expect(admitted == refused)
    }

    @Test(arguments: Engine.allCases) func aReleaseIsSentOnceAndItsCopyIsSeenByTheVerband(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let ours = Self.release(fixture.office.id, "2026-Q1")
        let theirs = Self.release(fixture.other.id, "2025-Q4")
        let unsent = Self.release(fixture.office.id, "2025-Q4")
        for release in [ours, theirs, unsent] {
            _ = try await fixture.stores.releases.freeze(release, audit: fixture.event("lead", .releaseFrozen, release.period))
        }
        #expect(try await fixture.stores.releases.sentReleases().isEmpty)
        #expect(
            try await fixture.stores.releases.markSent(
                id: ours.id, officeID: fixture.office.id, verbandCopy: [7, 7], at: "2026-04-02T09:00:00Z",
                audit: fixture.event("lead.a", .releaseSent, "2026-Q1")))
        #expect(
            !(try await fixture.stores.releases.markSent(
                id: ours.id, officeID: fixture.office.id, verbandCopy: [8], at: "2026-04-03T09:00:00Z",
                audit: fixture.event("lead.a", .releaseSent, "2026-Q1"))), "sent once")
        #expect(
            !(try await fixture.stores.releases.markSent(
                id: theirs.id, officeID: fixture.office.id, verbandCopy: [8], at: "2026-04-03T09:00:00Z",
                audit: fixture.event("lead.a", .releaseSent))), "not another office's")
        #expect(
            try await fixture.stores.releases.markSent(
                id: theirs.id, officeID: fixture.other.id, verbandCopy: [6], at: "2026-04-04T09:00:00Z",
                audit: fixture.event("lead.b", .releaseSent, "2025-Q4")))
        let sent = try await fixture.stores.releases.sentReleases()
        #expect(sent.map(\.id) == [ours.id, theirs.id], "newest period first")
        #expect(sent.map(\.verbandCopy) == [[7, 7], [6]])
        #expect(sent.map(\.sentAt) == ["2026-04-02T09:00:00Z", "2026-04-04T09:00:00Z"])
        #expect(try await fixture.stores.releases.release(id: ours.id, officeID: fixture.office.id)?.sentAt == "2026-04-02T09:00:00Z")
        #expect(try await fixture.stores.releases.release(id: unsent.id, officeID: fixture.office.id)?.sentAt == nil)
        #expect(try await fixture.actions() == ["release.frozen", "release.frozen", "release.sent"])
        #expect(try await fixture.actions(fixture.other.id) == ["release.frozen", "release.sent"])
    }

    /// Two leads freeze the same period at once: both get the one release kept, audited once.
    @Test(arguments: Engine.allCases) func concurrentFreezesOfOnePeriodKeepOne(engine: Engine) async throws {
        let fixture = try await ConformanceFixture.make(engine: engine)
        let candidates = (0..<6).map { index in Self.release(fixture.office.id, "2026-Q1", sealed: [UInt8(index)]) }
        let kept = try await withThrowingTaskGroup(of: StoredRelease.self) { group in
            for release in candidates {
                group.addTask {
                    try await fixture.stores.releases.freeze(release, audit: fixture.event("lead.a", .releaseFrozen, "2026-Q1"))
                }
            }
            return try await group.reduce(into: [StoredRelease]()) { $0.append($1) }
        }
        #expect(Set(kept.map(\.id)).count == 1, "every caller sees the same release")
        #expect(try await fixture.stores.releases.releases(officeID: fixture.office.id).map(\.id) == [kept[0].id])
        #expect(try await fixture.actions() == ["release.frozen"])
    }
}

/// What an `admit` closure was given.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [StoredRelease] = []

    var releases: [StoredRelease] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ releases: [StoredRelease]) {
        lock.lock()
        stored = releases
        lock.unlock()
    }
}
