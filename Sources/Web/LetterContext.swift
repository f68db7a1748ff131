/// What a letter template sees: the values the case knows, each absent when unknown (an empty
/// text counts as unknown), so the template's visible `[[ … ]]` placeholder appears instead.
struct LetterContext {
    struct Office {
        let name: String?
        let address: String?
        let phone: String?
        let email: String?
    }

    /// Which legal paragraphs the template offers: those of the case's fields, or all when
    /// none is known (`known` is false, and each paragraph says when it applies).
    struct Legal {
        let known: Bool
        let employment: Bool
        let civil: Bool
        let agg: Bool
        /// Public bodies (the name `public` is a Swift keyword).
        let publicLaw: Bool
    }

    let office: Office
    let date: String?
    let place: String?
    let reference: String?
    let counterpart: String?
    let person: String?
    let counsellor: String?
    let incidentDate: String?
    let legal: Legal
}
