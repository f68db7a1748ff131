/// A report as the reporter sent it, before any check.
public struct ReportSubmission: Sendable, Codable {
    public var language: String
    public var narrative: String
    public var incidentDate: String?
    public var learnedDate: String?
    public var grounds: [String]?
    public var area: String?
    public var region: String?
    public var role: String?
    public var contactWish: String
    public var contact: String?
    public var office: String?
    /// The reporter's consent to the office's privacy notice (Art. 9 (2) a DSGVO, or the church
    /// law's equivalent); without it nothing is stored.
    public var consent: Bool?

    public init(
        language: String, narrative: String, incidentDate: String? = nil, learnedDate: String? = nil,
        grounds: [String]? = nil, area: String? = nil, region: String? = nil, role: String? = nil,
        contactWish: String = "mailbox", contact: String? = nil, office: String? = nil, consent: Bool? = nil
    ) {
        self.language = language
        self.narrative = narrative
        self.incidentDate = incidentDate
        self.learnedDate = learnedDate
        self.grounds = grounds
        self.area = area
        self.region = region
        self.role = role
        self.contactWish = contactWish
        self.contact = contact
        self.office = office
        self.consent = consent
    }
}
