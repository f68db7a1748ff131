/// The status a reporter sees: coarser than the workflow step, so a receipt holder learns where
/// the case stands but not the office's internal working.
public enum ReporterStatus: String, Sendable, Codable {
    case eingegangen
    case inBearbeitung = "in_bearbeitung"
    case abgeschlossen
    case loeschungBeantragt = "loeschung_beantragt"
    case geloescht

    public init(step: String) {
        switch step {
        case "eingegangen": self = .eingegangen
        case "abschluss", "nachbereitung", "weitervermittelt", "kein_kontakt": self = .abgeschlossen
        case "loeschung_beantragt": self = .loeschungBeantragt
        case "geloescht", "zurueckgezogen": self = .geloescht
        default: self = .inBearbeitung
        }
    }
}
