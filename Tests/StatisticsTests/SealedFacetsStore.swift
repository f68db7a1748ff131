import Casework
import SichtbarCore
import Statistics

/// A `StatisticsStore` over sealed classifications a test made itself (JSON and binary alike),
/// so thousands reach `OfficeStatistics` without a case each.
struct SealedFacetsStore: StatisticsStore {
    let officeID: EntityID
    let facets: [SealedFacets]

    func sealedFacets(officeID: EntityID, through lastMonth: String) async throws -> [SealedFacets] {
        officeID == self.officeID ? facets.filter { $0.month <= lastMonth } : []
    }

    func unclassifiedReports(officeID: EntityID, months: [String]) async throws -> Int { 3 }

    func tallyCount(officeID: EntityID, months: [String]) async throws -> Int { 5 }
}
