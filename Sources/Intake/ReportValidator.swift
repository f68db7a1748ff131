import Foundation
import SichtbarCore

/// Checks a report against the taxonomy, the calendar and the size limits, and picks its office.
public struct ReportValidator: Sendable {
    /// The languages of CONTRACT.md.
    public static let languages = ["de", "de-x-ls", "en", "tr", "ar", "fa", "uk", "ru", "pl", "ro"]
    public static let maxNarrativeCharacters = 20_000
    public static let maxContactCharacters = 500
    public static let maxGrounds = 12

    public let taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// The checked report, or the first problem found (naming its field).
    public func validate(_ submission: ReportSubmission, offices: [Office], today: Day) throws(FieldError) -> ValidatedReport {
        guard Self.languages.contains(submission.language) else {
            throw FieldError(.unknownCode, field: "language", "language must be one of \(Self.languages.joined(separator: ", "))")
        }
        let narrative = submission.narrative.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !narrative.isEmpty else {
            throw FieldError(.validationFailed, field: "narrative", "narrative is empty")
        }
        // Counted as the contract's maxLength counts (code points of the text as sent); the byte
        // count bounds it from above for free.
        let sent = submission.narrative
        guard sent.utf8.count <= Self.maxNarrativeCharacters || sent.unicodeScalars.count <= Self.maxNarrativeCharacters else {
            throw FieldError(.tooLarge, field: "narrative", "narrative is longer than \(Self.maxNarrativeCharacters) characters")
        }
        try Self.checkText(narrative, field: "narrative")
        let incident = try day(submission.incidentDate, field: "incidentDate", today: today)
        let learned = try day(submission.learnedDate, field: "learnedDate", today: today)
        if let incident, let learned, learned < incident {
            throw FieldError(.validationFailed, field: "learnedDate", "learnedDate is before incidentDate")
        }

        var grounds: [String] = []
        let givenGrounds = submission.grounds ?? []
        // The form offers every ground, so every ground may be ticked at once.
        let groundLimit = max(Self.maxGrounds, taxonomy.facet("ground")?.codes.count ?? 0)
        guard givenGrounds.count <= groundLimit else {
            throw FieldError(.tooLarge, field: "grounds", "at most \(groundLimit) grounds")
        }
        for ground in givenGrounds {
            try code(ground, facet: "ground", field: "grounds")
            if !grounds.contains(ground) { grounds.append(ground) }
        }
        let area = try optionalCode(submission.area, facet: "area", field: "area")
        let role = try optionalCode(submission.role, facet: "role", field: "role")
        let region = try nonEmpty(submission.region)
        if let region, taxonomy.region(region) == nil {
            throw FieldError(.unknownCode, field: "region", "region '\(region)' is not a Kreis key of NRW")
        }

        guard let wish = ContactWish(rawValue: submission.contactWish) else {
            throw FieldError(.unknownCode, field: "contactWish", "contactWish must be mailbox, contact or none")
        }
        let contact = try nonEmpty(submission.contact)
        switch (wish, contact) {
        case (.contact, nil):
            throw FieldError(.validationFailed, field: "contact", "contact is needed when contactWish is contact")
        case (.contact, let contact?):
            guard contact.unicodeScalars.count <= Self.maxContactCharacters else {
                throw FieldError(.tooLarge, field: "contact", "contact is longer than \(Self.maxContactCharacters) characters")
            }
            try Self.checkText(contact, field: "contact")
        case (_, .some):
            throw FieldError(.validationFailed, field: "contact", "contact is taken only when contactWish is contact")
        default:
            break
        }

        // Asked last, so a form with other problems names those first and keeps the tick.
        guard submission.consent == true else {
            throw FieldError(
                .validationFailed, field: "consent",
                "consent must be true: the reporter's consent to the office's privacy notice")
        }
        let office = try route(officeID: submission.office, region: region, offices: offices)
        let content = ReportContent(
            language: submission.language, narrative: narrative, incidentDate: incident,
            learnedDate: learned, grounds: grounds, area: area, region: region, role: role,
            contactWish: wish, submittedOn: today)
        return ValidatedReport(content: content, contact: wish == .contact ? contact : nil, office: office)
    }

    /// The chosen office, else the one serving the region, else the operator's fallback office.
    /// Only offices whose privacy notice is complete take reports, and a report is never routed
    /// to an office the reporter was not told of: without a fallback, an unserved region is refused.
    func route(officeID: String?, region: String?, offices: [Office]) throws(FieldError) -> Office {
        if let text = try nonEmpty(officeID) {
            guard let id = EntityID(hex: text), let office = offices.first(where: { $0.id == id && $0.profile.takesReports }) else {
                throw FieldError(.unknownCode, field: "office", "office '\(text)' is not an office that takes reports here")
            }
            return office
        }
        if let region, let office = offices.first(where: { $0.profile.regions.contains(region) && $0.profile.takesReports }) {
            return office
        }
        if let fallback = Self.fallback(among: offices) {
            return fallback
        }
        guard offices.contains(where: \.profile.takesReports) else {
            throw FieldError(
                .validationFailed, field: "office",
                "no office takes reports yet: every office's privacy notice lacks controller, law or dpo")
        }
        throw FieldError(
            .validationFailed, field: "office",
            region == nil ? "choose an office or a region" : "no office serves region '\(region ?? "")': choose an office")
    }

    /// Where reports from unserved regions go: the operator's fallback office, or the only office
    /// when there is just one (a single office is everyone's office).
    public static func fallback(among offices: [Office]) -> Office? {
        let open = offices.filter(\.profile.takesReports)
        return open.first(where: \.isFallback) ?? (open.count == 1 ? open.first : nil)
    }

    private func day(_ text: String?, field: String, today: Day) throws(FieldError) -> Day? {
        guard let text = try nonEmpty(text) else { return nil }
        guard let day = Day(iso: text) else {
            throw FieldError(.validationFailed, field: field, "\(field) must be a date as YYYY-MM-DD")
        }
        guard day <= today else {
            throw FieldError(.validationFailed, field: field, "\(field) lies in the future")
        }
        return day
    }

    private func code(_ code: String, facet: String, field: String) throws(FieldError) {
        guard taxonomy.facet(facet)?.code(code) != nil else {
            throw FieldError(.unknownCode, field: field, "'\(code)' is not a code of \(facet)")
        }
    }

    private func optionalCode(_ text: String?, facet: String, field: String) throws(FieldError) -> String? {
        guard let value = try nonEmpty(text) else { return nil }
        try code(value, facet: facet, field: field)
        return value
    }

    private func nonEmpty(_ text: String?) throws(FieldError) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Refuses control characters other than line breaks and tabs.
    static func checkText(_ text: String, field: String) throws(FieldError) {
        // The control characters (category Cc) are exactly U+0000–U+001F and U+007F–U+009F.
        for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { continue }
            throw FieldError(.validationFailed, field: field, "\(field) contains a control character")
        }
    }
}
