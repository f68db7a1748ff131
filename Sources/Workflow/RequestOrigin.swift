/// Who asked for a step such as a deletion (Policies/workflow.yaml, `requesters`): the person
/// through the mailbox, the person in a conversation, or the office's own proposal. It decides
/// what the step records — only the person's own request is one under Art. 17 DSGVO and starts
/// the Art. 12 (3) month.
public struct RequestOrigin: Sendable, Equatable {
    public let code: String
    public let labels: [String: String]
    /// Events recorded when a transition is taken at this origin's request.
    public let records: [String]

    public init(code: String, labels: [String: String], records: [String]) {
        self.code = code
        self.labels = labels
        self.records = records
    }
}
