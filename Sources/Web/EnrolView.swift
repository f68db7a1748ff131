/// The enrolment page: the form (again, after a refusal, with the invitation and username but
/// never the passphrases), or once enrolled (`enrolled`) who the new member is.
struct EnrolView {
    /// The fields sent back into the form.
    struct Values {
        let invitation: String
        let username: String
    }

    /// A refusal; a field-less one (an expired form) links to no field.
    struct Problem {
        let text: String
        let field: String?
    }

    struct Enrolled {
        let username: String
        let role: String
        /// An office's first lead sees the office's recovery code here, once.
        let recoveryCode: String?
    }

    let title: String
    let token: String?
    let values: Values?
    let error: Problem?
    /// The refused field as the key the template asks for (`invalid.username`, …).
    let invalid: [String: Bool]?
    let enrolled: Enrolled?
}
