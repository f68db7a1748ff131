/// The classification categories of `Policies/taxonomy.yaml`: codes, labels, regions.
public struct Taxonomy: Sendable {
    /// A category code with its labels, and its parent when it is a subtype.
    public struct Code: Sendable, Equatable {
        public let code: String
        public let parent: String?
        public let labels: [String: String]
    }

    /// A dimension of classification (ground, area, …).
    public struct Facet: Sendable {
        public let key: String
        public let multiValued: Bool
        /// Offered on the public report form.
        public let reporter: Bool
        public let labels: [String: String]
        /// Codes in file order, parents before their children.
        public let codes: [Code]

        public func code(_ code: String) -> Code? { codes.first { $0.code == code } }
    }

    /// A Kreis or kreisfreie Stadt of NRW.
    public struct Region: Sendable, Equatable {
        public let key: String
        public let name: String
        public let kind: String
        public let regierungsbezirk: String
    }

    public let version: String
    public let languages: [String]
    public let facets: [Facet]
    public let flags: [String: [String: String]]
    public let regierungsbezirke: [String: [String: String]]
    public let regions: [Region]

    public func facet(_ key: String) -> Facet? { facets.first { $0.key == key } }
    public func region(_ key: String) -> Region? { regions.first { $0.key == key } }

    /// A label in `language`, else German; nil when neither exists.
    public static func label(_ labels: [String: String], language: String) -> String? {
        labels[language] ?? labels["de"]
    }
}
