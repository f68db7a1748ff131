/// How the reporter wants to hear back.
public enum ContactWish: String, Sendable, Codable, CaseIterable {
    /// Through the anonymous mailbox, with the receipt.
    case mailbox
    /// By the contact details given.
    case contact
    /// Not at all: the report is for the record.
    case none
}
