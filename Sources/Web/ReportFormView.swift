/// The report form (`index`): the choices of each facet, the regions and offices, the short
/// consent layer, and what the reporter had entered when the form comes back with a problem.
struct ReportFormView {
    /// One code of a facet (ground, area of life, role): a checkbox or an option.
    struct Choice {
        let code: String
        let label: String
        /// An example sentence under the label; empty when the catalogue has none.
        let example: String
        let child: Bool
        let checked: Bool
        let selected: Bool
    }

    struct Region {
        let key: String
        let name: String
        /// Whether an office that takes reports serves it (the option says so when not).
        let served: Bool
        let selected: Bool
    }

    struct OfficeChoice {
        let id: String
        let name: String
        let city: String
        let officeLanguages: String
        let officeRegions: String
        let selected: Bool
    }

    /// The short layer above the consent box; the full privacy notice is one link away.
    struct Consent {
        let stored: String
        let noticeURL: String
    }

    /// The text fields as they were sent (never the files, which a form cannot take back).
    struct Values {
        let narrative: String
        let incidentDate: String
        let learnedDate: String
        let contact: String
    }

    /// The problem of a form that came back, and which field it marks.
    struct Problem {
        let text: String
        let isNarrative: Bool
        let isConsent: Bool
        let isOffice: Bool
        let isFiles: Bool
    }

    let title: String
    let token: String
    let today: String
    let grounds: [Choice]
    let areas: [Choice]
    let roles: [Choice]
    let regions: [Region]
    let offices: [OfficeChoice]
    let fallbackHint: String
    let consent: Consent
    let consentGiven: Bool
    let filesLost: Bool
    let maxFiles: Int
    /// The chosen contact wish as the key of its radio button (`wish.mailbox`, …).
    let wish: [String: Bool]
    let values: Values
    let error: Problem?
}
