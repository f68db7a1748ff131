import Statistics

/// The shipped statistics policy.
public func shippedStatisticsPolicy(_ vocabulary: StatVocabulary) throws -> StatisticsPolicy {
    try StatisticsPolicy.load(from: Repository.policies.appendingPathComponent("statistics.yaml"), vocabulary: vocabulary)
}

/// The shipped policy under `mode: dp` with ε 1/10 per release and a cap of 3/20, grounds
/// also quarterly, as a dp policy may (no suppression, so no quarter grids to solve).
public func dpStatisticsPolicy(_ vocabulary: StatVocabulary) throws -> StatisticsPolicy {
    let text = try String(contentsOf: Repository.policies.appendingPathComponent("statistics.yaml"), encoding: .utf8)
        .replacingOccurrences(of: "mode: exact", with: "mode: dp")
        .replacingOccurrences(of: "epsilon_per_release: \"1/2\"", with: "epsilon_per_release: \"1/10\"")
        .replacingOccurrences(of: "yearly_cap: \"2\"", with: "yearly_cap: \"3/20\"")
        .replacingOccurrences(
            of: "A year and its quarters\").\n    reports: [annual]",
            with: "A year and its quarters\").\n    reports: [annual, quarterly]")
    return try StatisticsPolicy.parse(text, file: "statistics.yaml", vocabulary: vocabulary)
}
