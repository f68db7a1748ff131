/// The own account: who the member is, the key check's findings about them, the forms for the
/// passphrase and (for those who work cases) the notification address.
struct AccountView {
    /// The notification form; only for members who work cases.
    struct Notifications {
        let address: String
    }

    /// A refusal of one of the forms, naming its field.
    struct Problem {
        let text: String
        let field: String
    }

    let title: String
    let username: String
    let role: String
    let organisation: String
    let organisationLabel: String
    let fingerprint: String
    let keyProblems: [String]?
    let hasKeyProblems: Bool
    let notifications: Notifications?
    let notice: String?
    let error: Problem?
    /// The refused field as the key the template asks for (`invalid.current`, …).
    let invalid: [String: Bool]?
}
