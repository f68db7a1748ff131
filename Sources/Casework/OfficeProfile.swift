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

    public init(city: String? = nil, address: String? = nil, hours: String? = nil, phone: String? = nil,
                email: String? = nil, languages: [String] = [], regions: [String] = [],
                controller: String? = nil, law: DataProtectionLaw? = nil, dpo: String? = nil, authority: String? = nil) {
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
}

/// The data-protection law that binds an office's Träger.
public enum DataProtectionLaw: String, Sendable, Codable, CaseIterable {
    case dsgvo
    case kdg
    case dsgEkd = "dsg-ekd"
}
