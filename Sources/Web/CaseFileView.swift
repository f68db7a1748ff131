/// What `case_file.mustache` prints: the case file for the office's records (`full`) or the
/// answer to the person's access request (`access`), with only what that purpose allows.
struct CaseFileView {
    /// Which sections have anything to print.
    struct Has {
        let classification: Bool
        let parties: Bool
        let documents: Bool
        let interventions: Bool
        let contacts: Bool
        let deadlines: Bool
        let messages: Bool
        let notes: Bool
        let history: Bool
    }

    /// A document; `party` is its counterpart, or "a third party" where the file may not name it.
    struct Document {
        let type: String
        let party: String?
        let signedOn: String
        let revokedOn: String?
    }

    struct Intervention {
        let label: String
        let party: String?
        let on: String
    }

    /// A contact; whom it was with only in the full file.
    struct Contact {
        let on: String
        let minutes: String
        let mode: String
        let with: String?
    }

    struct Deadline {
        let label: String
        let due: String
        let state: String
    }

    struct Note {
        let at: String
        let text: String
    }

    struct Message {
        let from: String
        let on: String
        let text: String
    }

    let title: String
    let purposeTitle: String
    let full: Bool
    let access: Bool
    let office: String
    let reference: String
    let caseID: String
    let made: String
    let kind: String
    let step: String
    let receivedOn: String
    /// Absent rather than empty: an empty title would still show its label.
    let caseTitle: String?
    let outcome: String?
    let report: CasePageView.Report?
    let classification: [CasePageView.FacetCodes]?
    let parties: [CasePageView.Party]
    let documents: [Document]
    let interventions: [Intervention]
    let contacts: [Contact]
    let deadlines: [Deadline]
    let notes: [Note]
    let messages: [Message]
    /// The staff's history, in the full file only.
    let history: [CasePageView.HistoryEntry]?
    let has: Has
}
