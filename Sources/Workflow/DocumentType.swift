/// A kind of document (Vollmacht, Schweigepflichtentbindung, …).
public struct DocumentType: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// Documents of this type name whom they concern (counterpart or recipient).
    public let namesCounterpart: Bool
}
