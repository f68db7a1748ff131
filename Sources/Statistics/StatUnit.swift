/// What one count of a table is, and which classified cases (or plain counts) it takes from a
/// period: the counting unit and its cohort, as the method note of a report states them.
public enum StatUnit: String, Sendable, CaseIterable, Codable {
    /// Classified cases of every kind that arrived in the period; a reopened case is not new.
    case neueFaelle = "neue_faelle"
    case neueBeratungsfaelle = "neue_beratungsfaelle"
    case meldungen
    /// Classified cases whose counselling closed in the period.
    case abgeschlosseneFaelle = "abgeschlossene_faelle"
    /// Classified cases that arrived by the period's end and were not closed by then.
    case offeneFaelle = "offene_faelle"
    /// Kontakte ohne Akte: plaintext tallies, no case behind them.
    case kurzkontakte
    /// Intake reports of the period no counsellor has classified yet (a plaintext count).
    case nichtKlassifiziert = "nicht_klassifiziert"

    /// Units counted from plaintext counts, which have no dimensions to break them down by.
    public var isPlainCount: Bool { self == .kurzkontakte || self == .nichtKlassifiziert }

    /// Whether a classified case belongs to this unit's cohort for `period`.
    public func includes(_ classification: CaseFacts, in period: StatPeriod) -> Bool {
        let months = period.months
        guard let first = months.first, let last = months.last else { return false }
        return includes(classification, from: first, through: last)
    }

    /// The same for the period's first and last month (`YYYY-MM`), compared as text.
    public func includes(_ classification: CaseFacts, from first: String, through last: String) -> Bool {
        includes(
            month: classification.month, kind: classification.kind, closedMonth: classification.closedMonth, from: first, through: last)
    }

    /// The same from the three facts a cohort depends on, for callers that read them in place.
    func includes(month: String, kind: String, closedMonth: String?, from first: String, through last: String) -> Bool {
        let arrived = month >= first && month <= last
        switch self {
        case .neueFaelle: return arrived
        case .neueBeratungsfaelle: return arrived && kind == "beratungsfall"
        case .meldungen: return arrived && kind == "meldung"
        case .abgeschlosseneFaelle:
            return closedMonth.map { $0 >= first && $0 <= last } ?? false
        case .offeneFaelle:
            return month <= last && (closedMonth.map { $0 > last } ?? true)
        case .kurzkontakte, .nichtKlassifiziert: return false
        }
    }
}
