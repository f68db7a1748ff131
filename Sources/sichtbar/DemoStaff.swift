/// The members of a demo office who work cases, and where the office works.
struct DemoStaff {
    let officeHex: String
    let lead: String
    let counsellors: [String]
    let regions: [String]
}
