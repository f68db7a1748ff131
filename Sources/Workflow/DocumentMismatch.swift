import SichtbarCore

/// A document of the type an intervention needs that is on file but does not open its gate,
/// with every reason why: what the refusal names instead of claiming the document is missing.
public struct DocumentMismatch: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// It names another party (or none).
        case otherParty(String?)
        /// Its scope does not cover the intervention.
        case notInScope
        case revoked(Day)
        /// Signed after the day of the intervention.
        case signedLater(Day)
    }

    public let type: String
    public let counterpart: String?
    public let signedOn: Day
    public let reasons: [Reason]

    public init(type: String, counterpart: String?, signedOn: Day, reasons: [Reason]) {
        self.type = type
        self.counterpart = counterpart
        self.signedOn = signedOn
        self.reasons = reasons
    }
}
