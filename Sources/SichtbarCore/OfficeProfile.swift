import Foundation

/// What reporters see about an office, as on the offices' own pages today.
public struct OfficeProfile: Sendable, Codable, Equatable {
    public var city: String?
    public var address: String?
    /// Sprechzeiten, free text.
    public var hours: String?
    public var phone: String?
    public var email: String?
    /// Language codes the office counsels in.
    public var languages: [String]
    /// Kreis keys the office serves; reports naming one of them go here.
    public var regions: [String]
    /// Data protection: the controller (Verantwortliche Stelle).
    public var controller: String?
    /// dsgvo, kdg (Caritas) or dsg-ekd (Diakonie).
    public var law: DataProtectionLaw?
    public var dpo: String?
    public var authority: String?
    /// The address told (without content) that something waits in the office: never shown to reporters.
    public var notify: String?

    public init(
        city: String? = nil, address: String? = nil, hours: String? = nil, phone: String? = nil,
        email: String? = nil, languages: [String] = [], regions: [String] = [],
        controller: String? = nil, law: DataProtectionLaw? = nil, dpo: String? = nil, authority: String? = nil
    ) {
        self.city = city
        self.address = address
        self.hours = hours
        self.phone = phone
        self.email = email
        self.languages = languages
        self.regions = regions
        self.controller = controller
        self.law = law
        self.dpo = dpo
        self.authority = authority
    }

    /// The facts the privacy notice (Art. 13 DSGVO, § 15 KDG, § 17 DSG-EKD) cannot do without and
    /// that only the office can give; an office missing one takes no reports, so no reporter
    /// consents to a notice that does not name who is responsible.
    public var noticeGaps: [String] {
        var gaps: [String] = []
        if Self.isBlank(controller) { gaps.append("controller") }
        if law == nil { gaps.append("law") }
        if Self.isBlank(dpo) { gaps.append("dpo") }
        return gaps
    }

    /// The supervisory authority reporters are named: the office's own wording (an address, a
    /// department) when it gave one, else the authority its law assigns.
    public var authorityName: String? { authority ?? law?.authority.name }

    /// Whether reporters are offered this office: its privacy notice is complete. Asked on every
    /// report, so it allocates nothing.
    public var takesReports: Bool { !Self.isBlank(controller) && law != nil && !Self.isBlank(dpo) }

    private static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }
}
