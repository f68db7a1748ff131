import SichtbarCore

/// What the case list's search box was read as: a reference (or its start), categories (by
/// code or label), or a word of the sealed titles, searched over the newest cases only.
public enum CaseSearch: Sendable, Equatable {
    case reference(CaseQuery.IDRange)
    case categories([String])
    case title(String)

    /// How many of the newest cases a title search opens: titles are sealed, so each one costs
    /// opening the case's keys.
    public static let titleBound = 500

    /// Reads `text` against the taxonomy. A category code, flag or region key is itself ("wohnen"
    /// and "05913" spell reference starts too). Text with a digit or a dash is read as a
    /// reference first, as references mostly have them; a plain word ("Wohnen", "Koeln" — also
    /// valid reference starts) as a category by label first. Then a reference, then a title word.
    public static func reading(_ text: String, taxonomy: Taxonomy) -> CaseSearch? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let exact =
            taxonomy.facets.contains { $0.code(trimmed) != nil } || taxonomy.flags[trimmed] != nil || taxonomy.region(trimmed) != nil
        let codes = taxonomy.searchCodes(trimmed)
        if exact { return .categories(codes) }
        let looksLikeReference = trimmed.contains { $0.isNumber || $0 == "-" }
        if !codes.isEmpty && !looksLikeReference { return .categories(codes) }
        if let range = CaseReference.ids(startingWith: trimmed) {
            return .reference(CaseQuery.IDRange(lower: range.lower, upper: range.upper))
        }
        return codes.isEmpty ? .title(trimmed) : .categories(codes)
    }
}
