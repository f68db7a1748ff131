import SichtbarCore

/// A document a counsellor records (`POST …/documents`), before it is checked.
public struct DocumentInput: Sendable, Equatable {
    public let type: String
    /// Intervention codes, or `alle`.
    public let scope: [String]
    public let counterpart: String?
    public let signedOn: Day
    public let note: String?

    public init(type: String, scope: [String], counterpart: String?, signedOn: Day, note: String?) {
        self.type = type
        self.scope = scope
        self.counterpart = counterpart
        self.signedOn = signedOn
        self.note = note
    }
}
