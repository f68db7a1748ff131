import Foundation

extension Taxonomy {
    /// The category codes, flags and region keys a search text names: a code, flag or key as it
    /// is; else every category whose label (in any language) or code contains the text, three
    /// letters at least, case, accents and umlaut spellings aside ("behinderung" finds
    /// "Behinderung und chronische Krankheit", "Koeln" finds Köln). A parent brings its
    /// subtypes, since a case classified "antimuslimisch" is a case of racist attribution.
    public func searchCodes(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if facets.contains(where: { $0.code(trimmed) != nil }) || flags[trimmed] != nil || region(trimmed) != nil {
            return expanded([trimmed])
        }
        let wanted = Self.folded(trimmed)
        guard wanted.count >= 3 else { return [] }
        func matches(_ code: String, _ labels: [String: String]) -> Bool {
            Self.folded(code).contains(wanted) || labels.values.contains { Self.folded($0).contains(wanted) }
        }
        var found: [String] = []
        for facet in facets where facet.key != "channel" {
            found += facet.codes.filter { matches($0.code, $0.labels) }.map(\.code)
        }
        found += flags.keys.sorted().filter { matches($0, flags[$0] ?? [:]) }
        found += regions.filter { Self.folded($0.name).contains(wanted) }.map(\.key)
        return expanded(found)
    }

    /// The codes with the subtypes of each parent among them, without repeats, in order.
    func expanded(_ codes: [String]) -> [String] {
        var result: [String] = []
        for code in codes {
            result.append(code)
            for facet in facets where facet.code(code)?.parent == nil {
                result += facet.codes.filter { $0.parent == code }.map(\.code)
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// Lower case, without accents, umlauts and ß spelt out: how codes spell them.
    package static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive], locale: nil).replacingOccurrences(of: "_", with: " ")
    }
}
