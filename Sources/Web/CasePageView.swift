/// What `case.mustache` shows: the case with everything recorded on it, and a form for each
/// thing a counsellor may do next. After a refused form, `error` is on top and the form that
/// was sent comes back filled in. The rows of its lists are in `CasePageView+Rows.swift`.
struct CasePageView {
    let title: String
    /// The facts at the head of the page (`{{#case}}`).
    let `case`: Summary
    let notice: String?
    let error: String?
    /// The path the forms post to, `/cases/{id}`.
    let action: String
    let today: String
    let legalHold: Bool
    let newestReporter: NewestReporter?
    let transitions: [Transition]
    /// The ways that delete or ask for deletion, each behind a confirmation.
    let destructive: [Transition]
    let legalFields: LegalFields
    let deadlines: [Deadline]
    let anyDeadlines: Bool
    let rules: [CaseFormChoice]
    let owners: [CaseFormChoice]
    let events: [Event]
    let eventChoices: [CaseFormChoice]
    let report: Report?
    let contactDetails: String?
    let classification: Classification
    let contacts: [Contact]
    let anyContacts: Bool
    let modes: [CaseFormChoice]
    let interpretings: [CaseFormChoice]
    let parties: [Party]
    let anyParties: Bool
    let partyRoles: [CaseFormChoice]
    let documents: [Document]
    let anyDocuments: Bool
    let documentTypes: [CaseFormChoice]
    let documentParties: [CaseFormChoice]
    let transitionParties: [CaseFormChoice]
    let interventionChoices: [CaseFormChoice]
    /// What a refused document form sent, to fill it in again.
    let postedDocument: PostedDocument?
    let scopeAll: Bool
    let interventions: [Intervention]
    let anyInterventions: Bool
    let letters: [Letter]
    let anyLetters: Bool
    let letterTemplates: [CaseFormChoice]
    let notes: [Note]
    let hasMailbox: Bool
    let messages: [Message]
    let mayAssign: Bool
    let staff: [StaffMember]
    let personRows: [PersonRow]
    /// The history, newest first.
    let timeline: [HistoryEntry]
}
