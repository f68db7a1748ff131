import Statistics

/// A publication's information loss as the analyst's page reports it after publishing: shares
/// in tenths of a percent and the number of merged codes, and the same for the alternative
/// that was compared (suppression alone, or recoding that was not kept). Kept by
/// `PublicationNotices` for the page after the redirect.
struct PublicationLoss: Sendable {
    var countTenths: Int
    var caseTenths: Int
    var mergedCodes: Int
    var compared: (countTenths: Int, caseTenths: Int)?

    init?(_ merged: MergedStatistics) {
        guard let loss = merged.loss else { return nil }
        countTenths = Self.tenths(loss.countShare)
        caseTenths = Self.tenths(loss.caseShare)
        mergedCodes = loss.mergedCodes
        compared = merged.comparedLoss.map { (Self.tenths($0.countShare), Self.tenths($0.caseShare)) }
    }

    static func tenths(_ share: Double) -> Int { Int((share * 1000).rounded()) }

    /// "Verborgen sind 4,3 % der Zahlen und 0,3 % der Fälle; 8 Codes sind zusammengefasst. Ohne
    /// Zusammenfassung wären es 17,8 % und 1,1 % gewesen."
    func sentence(_ language: Catalogue) -> String {
        let numbers = StatisticsNumbers(language: language.code)
        func percent(_ tenths: Int) -> String { numbers.percent(Double(tenths) / 10) }
        var text = language["published_loss"].replacingOccurrences(of: "{counts}", with: percent(countTenths))
            .replacingOccurrences(of: "{cases}", with: percent(caseTenths))
        if mergedCodes > 0 {
            text += " " + language["published_loss_merged"].replacingOccurrences(of: "{merged}", with: numbers.count(mergedCodes))
        }
        if let compared {
            let key = mergedCodes > 0 ? "published_loss_without" : "published_loss_not_kept"
            text +=
                " "
                + language[key].replacingOccurrences(of: "{counts}", with: percent(compared.countTenths))
                .replacingOccurrences(of: "{cases}", with: percent(compared.caseTenths))
        }
        return text
    }
}
