import SichtbarCore

/// The report as submitted, sealed under the mailbox key: what the reporter may read back.
/// Contact details are not part of it; they are sealed separately under the case key.
public struct ReportContent: Sendable, Codable, Equatable {
    public var language: String
    public var narrative: String
    public var incidentDate: Day?
    public var learnedDate: Day?
    public var grounds: [String]
    public var area: String?
    public var region: String?
    public var role: String?
    public var contactWish: ContactWish
    public var submittedOn: Day

    // Made only by `ReportValidator`, through the memberwise initialiser Swift writes.
}

/// A checked report: its content, the contact details if any, and the office it goes to.
public struct ValidatedReport: Sendable {
    public let content: ReportContent
    public let contact: String?
    public let office: Office
}
