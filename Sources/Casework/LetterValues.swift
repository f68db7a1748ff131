/// What a letter template is filled with, taken from the case, the office and the session. A
/// value that is not known is nil, so the template shows its visible `[[ … ]]` placeholder for
/// the counsellor to fill in, rather than an empty gap that is easily missed in print.
public struct LetterValues: Sendable, Equatable {
    public var officeName: String
    public var officeAddress: String?
    public var officePhone: String?
    public var officeEmail: String?
    /// Today, "22. November 2026".
    public var date: String
    /// The office's city.
    public var place: String?
    /// The case reference ("7KQ2-M9XD"): the "Unser Zeichen" of the letter.
    public var reference: String
    /// Whom the letter goes to: the counterpart of the latest intervention, else of the latest
    /// document in force that names one.
    public var counterpart: String?
    /// The label of the first affected person.
    public var person: String?
    /// The username of the member who generated the letter.
    public var counsellor: String
    /// The day of the incident from the report, "3. Oktober 2026".
    public var incidentDate: String?
    /// The case's legal fields (besides those every case has); nil when none is known yet, and
    /// then every legal paragraph is offered for the counsellor to choose from.
    public var legalFields: [String]?

    public init(
        officeName: String, officeAddress: String? = nil, officePhone: String? = nil, officeEmail: String? = nil, date: String,
        place: String? = nil, reference: String, counterpart: String? = nil, person: String? = nil, counsellor: String,
        incidentDate: String? = nil
    ) {
        self.officeName = officeName
        self.officeAddress = officeAddress
        self.officePhone = officePhone
        self.officeEmail = officeEmail
        self.date = date
        self.place = place
        self.reference = reference
        self.counterpart = counterpart
        self.person = person
        self.counsellor = counsellor
        self.incidentDate = incidentDate
    }
}
