/// What `case_new.mustache` shows: the form for a phone, walk-in, mail or e-mail case; after a
/// refusal, with the reason and what was typed.
struct NewCaseView {
    /// The text fields as sent, so a refused form keeps them.
    struct Kept {
        let title: String
        let person: String
        let minor: Bool
        let with: String
        let minutes: String
        let language: String
        let note: String
    }

    let title: String
    let error: String?
    let kinds: [CaseFormChoice]
    let channels: [CaseFormChoice]
    let modes: [CaseFormChoice]
    let interpretings: [CaseFormChoice]
    let today: String
    let kept: Kept
}
