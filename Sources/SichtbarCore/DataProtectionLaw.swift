/// The data-protection law that binds an office's Träger: the DSGVO for most, the church laws
/// for Caritas (KDG) and Diakonie (DSG-EKD), each with its own provisions and supervisory authority.
public enum DataProtectionLaw: String, Sendable, Codable, CaseIterable {
    case dsgvo
    case kdg
    case dsgEkd = "dsg-ekd"

    /// The supervisory authority a person complains to, for an office in North Rhine-Westphalia.
    public struct Authority: Sendable, Equatable {
        public let name: String
        public let website: String
    }

    /// The provisions the privacy notice cites. They stay German in every language: they name
    /// German statutes, and a reader who looks them up finds them so. The church laws are cited
    /// to the paragraph where the revised texts (KDG 2026, DSG-EKD 2025) could not be checked
    /// to the sub-clause: docs/privacy-notice.md lists what a lawyer confirms before going live.
    public struct Citations: Sendable, Equatable {
        /// Consent as the legal basis, for special-category data too.
        public let basis: String
        /// The right to withdraw consent at any time.
        public let withdrawal: String
        /// Access, rectification, erasure, restriction, portability, objection.
        public let rights: String
        /// The right to complain to the supervisory authority.
        public let complaint: String
    }

    /// The short name a reader recognises.
    public var title: String {
        switch self {
        case .dsgvo: "DSGVO / BDSG"
        case .kdg: "KDG (Gesetz über den Kirchlichen Datenschutz)"
        case .dsgEkd: "DSG-EKD (EKD-Datenschutzgesetz)"
        }
    }

    public var citations: Citations {
        switch self {
        case .dsgvo:
            Citations(
                basis: "Art. 6 Abs. 1 lit. a und Art. 9 Abs. 2 lit. a DSGVO", withdrawal: "Art. 7 Abs. 3 DSGVO",
                rights: "Art. 15 bis 18, 20 und 21 DSGVO", complaint: "Art. 77 DSGVO")
        case .kdg:
            Citations(
                basis: "§ 6 Abs. 1 lit. b und § 11 Abs. 2 KDG", withdrawal: "§ 8 KDG",
                rights: "§§ 17 bis 23 KDG", complaint: "§ 48 KDG")
        case .dsgEkd:
            Citations(
                basis: "§ 6 und § 13 Abs. 2 DSG-EKD", withdrawal: "§ 11 DSG-EKD",
                rights: "§§ 19 bis 25 DSG-EKD", complaint: "§ 46 Abs. 1 DSG-EKD")
        }
    }

    /// The authority for an office in NRW: the state's for the DSGVO; the church's own for the
    /// church laws (the Catholic dioceses of NRW share one; the EKD's serves the Diakonie).
    public var authority: Authority {
        switch self {
        case .dsgvo:
            Authority(
                name: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI NRW)",
                website: "https://www.ldi.nrw.de")
        case .kdg:
            Authority(
                name: "Katholisches Datenschutzzentrum (KdöR), Dortmund",
                website: "https://www.katholisches-datenschutzzentrum.de")
        case .dsgEkd:
            Authority(
                name: "Der Beauftragte für den Datenschutz der EKD",
                website: "https://datenschutz.ekd.de")
        }
    }
}
