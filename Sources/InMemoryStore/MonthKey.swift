import SichtbarCore

/// One office's month (`intake_month`), or one office's year (`retention_dropped_year`).
struct MonthKey: Hashable, Sendable {
    let officeID: EntityID
    let month: String
}
