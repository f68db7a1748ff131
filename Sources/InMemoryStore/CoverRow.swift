import SichtbarCore

/// A cover (`member_cover`), keyed by the absent member; names are read from `member`.
struct CoverRow: Sendable {
    let officeID: EntityID
    var coverID: EntityID
    var from: Day
    var until: Day
}
