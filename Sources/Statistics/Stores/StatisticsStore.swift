import Casework
import SichtbarCore

/// What statistics may read of an office: sealed classifications and plaintext counts, never a
/// case file or a key. CaseStore implements it over SQLite; Statistics sees only this seam.
public protocol StatisticsStore: Sendable {
    /// Every sealed classification of the office filed in a month up to `lastMonth`
    /// (`YYYY-MM`), including those a shredded case left behind.
    func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets]
    /// How many intake reports of these months no counsellor has classified yet.
    func unclassifiedReports(officeID: EntityID, months: [String]) async throws -> Int
    /// How many Kontakte ohne Akte these months saw.
    func tallyCount(officeID: EntityID, months: [String]) async throws -> Int
}
