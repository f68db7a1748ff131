import Foundation
import Members
import SichtbarCore

/// Applies `Policies/retention.yaml`: finds what is due, crypto-shreds it (or only counts, in a
/// dry run), drops the classifications of deleted cases once their year is released, and shows
/// a lead what is due next. Needs no key: deletion works on plaintext dates alone.
public struct RetentionService: Sendable {
    public let store: any RetentionStore
    public let schedule: RetentionSchedule
    let now: @Sendable () -> Date

    public init(store: any RetentionStore, policy: RetentionPolicy, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.schedule = RetentionSchedule(policy: policy)
        self.now = now
    }

    /// Today in Europe/Berlin, the day the rules count in.
    public var today: Day { Day(now()) }

    /// One run on today's date.
    public func run(dryRun: Bool) async throws -> RetentionReport {
        let day = today
        var report = RetentionReport(day: day, dryRun: dryRun)
        let candidates = try await store.retentionCandidates()
        var shred: [(candidate: RetentionCandidate, kind: RetentionKind)] = []
        for candidate in candidates {
            guard let due = schedule.due(candidate) else { continue }
            if due.goesOn <= day {
                if due.held {
                    report.held += 1
                } else {
                    report.due[due.kind, default: 0] += 1
                    shred.append((candidate, due.kind))
                }
            } else if let flagged = due.flaggedOn, flagged <= day, !due.held {
                report.flagged += 1
            }
        }
        if !dryRun, !shred.isEmpty {
            let done = Set(try await store.shredForRetention(shred, at: now()))
            for item in shred where done.contains(item.candidate.id) {
                report.shredded[item.kind, default: 0] += 1
            }
        }
        // After the shredding, so the classifications of cases deleted today count too.
        let orphans = try await store.releasedOrphanFacets()
        report.facetsDue = orphans.reduce(0) { $0 + $1.count }
        if !dryRun, !orphans.isEmpty {
            report.facetsDropped = try await store.dropOrphanFacets(orphans, at: now())
        }
        return report
    }

    /// What the lead's office will see go: the cases due within `days` days (overdue ones
    /// included) and the unclassified reports already flagged, soonest first; and every case on
    /// legal hold, with the day it would go without the hold (nil when no rule runs for it yet).
    public func outlook(within days: Int, for session: Session) async throws -> RetentionOutlook {
        guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
        let horizon = today.adding(days: days)
        let candidates = try await store.retentionCandidates().filter { $0.officeID == officeID }
        let going = candidates.filter { !$0.legalHold }
            .compactMap { schedule.due($0) }
            .filter { $0.goesOn <= horizon || ($0.flaggedOn.map { $0 <= today } ?? false) }
            .sorted { ($0.goesOn, $0.caseID.hex) < ($1.goesOn, $1.caseID.hex) }
        let held = candidates.filter(\.legalHold).map { (caseID: $0.id, due: schedule.due($0)) }
            .sorted { $0.caseID.hex < $1.caseID.hex }
        return RetentionOutlook(going: going, held: held)
    }
}

/// The leads' view of retention: what goes soon, and what a legal hold keeps.
public struct RetentionOutlook: Sendable {
    public let going: [RetentionDue]
    public let held: [(caseID: EntityID, due: RetentionDue?)]
}
