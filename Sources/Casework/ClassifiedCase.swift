import SichtbarCore

/// A case as the search by category code scans it: where it sorts (the day of its sort key: the
/// day received, or the earliest due day when the list is ordered by deadlines) and its sealed
/// classification (nil while unclassified). Nothing else is read for the cases that do not match.
public struct ClassifiedCase: Sendable {
    public let id: EntityID
    public let sortDay: Day
    public let facets: SealedFacets?

    public init(id: EntityID, sortDay: Day, facets: SealedFacets?) {
        self.id = id
        self.sortDay = sortDay
        self.facets = facets
    }
}
