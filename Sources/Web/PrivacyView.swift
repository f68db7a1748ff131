/// The privacy page: with an office, its full notice (Art. 13 DSGVO and its church
/// counterparts); without one, or for an unknown office, the list of offices to choose from.
struct PrivacyView {
    struct OfficeLink {
        let id: String
        let name: String
        let city: String
    }

    /// How to reach the office; present when its profile names an address, phone or email.
    struct Contact {
        let address: String
        let phone: String
        let phoneLink: String
        let email: String
        let emailLink: String
    }

    /// The notice of one office whose profile is complete.
    struct Notice {
        let id: String
        let intro: String
        let law: String
        let controller: String
        let dpo: String
        let basis: String
        let retentionReport: String
        let retentionCase: String
        let retentionUnclassified: String
        let rights: String
        let complaint: String
        let authority: String
        let authorityWebsite: String
        let contact: Contact?
    }

    let title: String
    let offices: [OfficeLink]?
    let notice: Notice?
}
