/// A case a counsellor records from a phone call, a walk-in, a letter or an e-mail.
public struct NewCaseInput: Sendable, Equatable {
    public let kind: String
    /// A channel code of the taxonomy (`telefon`, `persoenlich`, `email`, `brief`, …).
    public let channel: String
    public let title: String
    public let persons: [AffectedPerson]
    /// The first contact, logged with the case.
    public let contact: ContactLogEntry?
    public let note: String?

    public init(kind: String, channel: String, title: String, persons: [AffectedPerson], contact: ContactLogEntry?, note: String?) {
        self.kind = kind
        self.channel = channel
        self.title = title
        self.persons = persons
        self.contact = contact
        self.note = note
    }
}
