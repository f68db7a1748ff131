import SichtbarCore

/// A document recorded on a case (Vollmacht, Schweigepflichtentbindung, Einwilligung …): what
/// the workflow's gates read. Stored sealed under the case key.
public struct CaseDocument: Sendable, Equatable, Codable {
    /// The scope that covers every intervention.
    public static let everyIntervention = "alle"

    public let id: EntityID
    /// A document type code of the workflow policy.
    public let type: String
    /// Intervention codes it covers, or `alle`.
    public let scope: [String]
    /// Whom it concerns: the counterpart of a Vollmacht, the recipient of a Schweigepflichtentbindung.
    public let counterpart: String?
    public let signedOn: Day
    public var revokedOn: Day?
    /// The scan of the signed paper, if one was attached; optional, so sheets from before scans decode.
    public var file: DocumentFile?

    public init(
        id: EntityID, type: String, scope: [String], counterpart: String?, signedOn: Day, revokedOn: Day? = nil,
        file: DocumentFile? = nil
    ) {
        self.id = id
        self.type = type
        self.scope = scope
        self.counterpart = counterpart
        self.signedOn = signedOn
        self.revokedOn = revokedOn
        self.file = file
    }

    /// In force on `day`: signed by then and not revoked by then.
    public func isInForce(on day: Day) -> Bool {
        signedOn <= day && (revokedOn.map { $0 > day } ?? true)
    }

    public func covers(_ intervention: String) -> Bool {
        scope.contains(intervention) || scope.contains(Self.everyIntervention)
    }

    /// Names `party`, compared without regard to case and runs of white space, so that
    /// "Stadtwerke  Köln" and "stadtwerke köln" are one counterpart.
    public func names(_ party: String) -> Bool {
        guard let counterpart else { return false }
        return Self.normalised(counterpart) == Self.normalised(party) && !Self.normalised(party).isEmpty
    }

    public static func normalised(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
