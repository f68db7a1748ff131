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
        private let index: [String: Int]

        init(key: String, multiValued: Bool, reporter: Bool, labels: [String: String], codes: [Code]) {
            self.key = key
            self.multiValued = multiValued
            self.reporter = reporter
            self.labels = labels
            self.codes = codes
            self.index = Dictionary(codes.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        }

        public func code(_ code: String) -> Code? { index[code].map { codes[$0] } }
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
    public func region(_ key: String) -> Region? { regionIndex[key].map { regions[$0] } }
    private let regionIndex: [String: Int]

    init(
        version: String, languages: [String], facets: [Facet], flags: [String: [String: String]],
        regierungsbezirke: [String: [String: String]], regions: [Region]
    ) {
        self.version = version
        self.languages = languages
        self.facets = facets
        self.flags = flags
        self.regierungsbezirke = regierungsbezirke
        self.regions = regions
        self.regionIndex = Dictionary(regions.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A label in `language`, else German; nil when neither exists.
    public static func label(_ labels: [String: String], language: String) -> String? {
        labels[language] ?? labels["de"]
    }
}
