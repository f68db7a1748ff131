import SichtbarCore

/// An intervention that took place, with the counterpart it addressed.
public struct InterventionRecord: Sendable, Equatable, Codable {
    public let code: String
    public let counterpart: String?
    public let on: Day

    public init(code: String, counterpart: String?, on: Day) {
        self.code = code
        self.counterpart = counterpart
        self.on = on
    }
}
