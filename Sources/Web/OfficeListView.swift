/// The list of offices that take reports (`/offices`), with how to reach them and who is
/// responsible for the data.
struct OfficeListView {
    /// One office; a detail its profile lacks is an empty text.
    struct Office {
        let id: String
        let name: String
        let address: String
        let hours: String
        let phone: String
        let email: String
        let phoneLink: String
        let emailLink: String
        let languages: String
        let regions: String
        let controller: String
        let law: String
        let dpo: String
        let authority: String
    }

    let title: String
    let offices: [Office]
}
