import SichtbarCore

/// One contact in a case's contact log: when, how long, how, with whom, and the interpreting.
public struct ContactLogEntry: Sendable, Equatable, Codable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        case telefon, persoenlich, video, email, brief, aufsuchend
    }

    /// Interpreting used, including German Sign Language.
    public enum Interpreting: String, Sendable, Codable, CaseIterable {
        case keine
        case lautsprache
        case dgs
        case schriftdolmetschen
    }

    public let on: Day
    public let minutes: Int
    public let mode: Mode
    /// With whom: the person, a relative, the counterpart, another service.
    public let with: String
    public let interpreting: Interpreting
    /// The spoken language interpreted, when `lautsprache`.
    public let language: String?
    public let note: String?

    public init(on: Day, minutes: Int, mode: Mode, with: String, interpreting: Interpreting, language: String? = nil, note: String? = nil) {
        self.on = on
        self.minutes = minutes
        self.mode = mode
        self.with = with
        self.interpreting = interpreting
        self.language = language
        self.note = note
    }
}
