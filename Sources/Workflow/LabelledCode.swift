/// A code of a policy list (a case kind, an outcome, an event, a document type) with its labels.
public struct LabelledCode: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]

    public init(code: String, labels: [String: String]) {
        self.code = code
        self.labels = labels
    }

    /// The label in `language`, else German, else the code.
    public func label(_ language: String) -> String {
        labels[language] ?? labels["de"] ?? code
    }
}
