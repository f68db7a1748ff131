import SichtbarCore

/// An event on a case from which deadlines run: recorded by a transition on its day, or by a
/// counsellor with the day it happened (a rejection letter received, a claim sent).
public struct RecordedEvent: Sendable, Equatable, Codable {
    /// An event code of the workflow policy.
    public let code: String
    public let on: Day

    public init(code: String, on: Day) {
        self.code = code
        self.on = on
    }
}
