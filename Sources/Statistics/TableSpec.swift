/// One table of `Policies/statistics.yaml`: its name, labels, unit, at most two dimensions,
/// and the reports it appears in.
public struct TableSpec: Sendable, Equatable {
    public let name: String
    public let labels: [String: String]
    public let unit: StatUnit
    public let dimensions: [StatDimension]
    /// `annual`, `quarterly`.
    public let reports: Set<String>

    public init(name: String, labels: [String: String], unit: StatUnit, dimensions: [StatDimension], reports: Set<String>) {
        self.name = name
        self.labels = labels
        self.unit = unit
        self.dimensions = dimensions
        self.reports = reports
    }
}
