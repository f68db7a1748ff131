/// How a top-level dimension (`ground_top`) relates to the detailed one (`ground`) of the same
/// facet: a case counts under a top-level code when it names that code or any of its subtypes.
/// A reader of a release holding both tables knows this, so the audit must too: for the same
/// unit, period and other key, each covered count ≤ the top-level count ≤ their sum.
public struct CodeHierarchy: Hashable, Sendable {
    /// The key of the dimension that lists every code (`ground`).
    public var detailed: String
    /// The key of the dimension that counts subtypes under their parent (`ground_top`).
    public var topLevel: String
    /// Each top-level code and the detailed codes counted under it, itself included
    /// (`keine_angabe` and codes without subtypes cover only themselves).
    public var covers: [String: [String]]

    public init(detailed: String, topLevel: String, covers: [String: [String]]) {
        self.detailed = detailed
        self.topLevel = topLevel
        self.covers = covers
    }

    /// The key with a top-level code that covers only itself rewritten to the detailed
    /// dimension: both count exactly the same cases, so they are one quantity, suppressed
    /// together (as a cell shared by two tables is).
    func canonical(_ key: [String: String]) -> [String: String] {
        guard key[detailed] == nil, let code = key[topLevel], covers[code] == [code] else { return key }
        var rewritten = key
        rewritten[topLevel] = nil
        rewritten[detailed] = code
        return rewritten
    }
}
