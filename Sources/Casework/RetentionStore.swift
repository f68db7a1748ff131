import Foundation
import SichtbarCore

/// The store seam for retention: the plaintext the schedule reads, the shredding. CaseStore implements it over SQLite.
public protocol RetentionStore: Sendable {
    /// Every case of every office, as the schedule sees it.
    func retentionCandidates() async throws -> [RetentionCandidate]
    /// Crypto-shreds each case whose retention plaintext still equals its candidate's (a case
    /// changed since it was read is left for the next run), with one audit event each by
    /// `system`, then truncates the write-ahead log. Returns the cases shredded.
    func shredForRetention(_ cases: [(candidate: RetentionCandidate, kind: RetentionKind)], at now: Date) async throws -> [EntityID]
    /// Classifications whose case is gone, per office and year, for years the office has released.
    func releasedOrphanFacets() async throws -> [OrphanFacets]
    /// Drops them, with an audit event per office and year.
    func dropOrphanFacets(_ facets: [OrphanFacets], at now: Date) async throws -> Int
}

/// Counted classifications of deleted cases in one office's released year.
public struct OrphanFacets: Sendable, Equatable {
    public let officeID: EntityID
    public let year: Int
    public let count: Int

    public init(officeID: EntityID, year: Int, count: Int) {
        self.officeID = officeID
        self.year = year
        self.count = count
    }
}
