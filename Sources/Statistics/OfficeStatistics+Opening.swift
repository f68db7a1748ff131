import Casework
import Members
import Sealing
import SichtbarCore

extension OfficeStatistics {
    /// The classifications, and their codes resolved along `dimensions`. Both are done in
    /// `runs` contiguous runs of the sealed classifications at once, each run opening its own
    /// and indexing them; the runs are joined in their order, so the tables are the same
    /// however many runs there are.
    func classifications(
        of officeID: EntityID, through period: StatPeriod, session: Session, indexing dimensions: [StatDimension]
    ) async throws -> (facts: [CaseFacts], axes: [StatDimension: FactsAxis]) {
        guard let lastMonth = period.months.last else { return ([], [:]) }
        let sealed = try await store.sealedFacets(officeID: officeID, through: lastMonth)
        // The newest secrets hold the statistics keys of every version before them.
        guard let office = try await members.office(id: officeID) else { throw AccessError.notFound }
        let secrets = try await session.officeSecrets(version: office.keyVersion, store: members)
        let vocabulary = counter.vocabulary
        let parts = try await ParallelRuns.mapRuns(sealed, runs: runs, minimumRun: 256) { run in
            var key: (version: UInt32, key: SecureBytes)?
            let facts = try run.map { sealed -> CaseFacts in
                if key?.version != sealed.keyVersion {
                    guard let found = secrets.statisticsKey(version: sealed.keyVersion) else { throw AccessError.keysUnavailable }
                    key = (sealed.keyVersion, found)
                }
                guard let key else { throw AccessError.keysUnavailable }
                return try FacetCodec.open(sealed, officeID: officeID, key: key.key)
            }
            let axes = dimensions.map { FactsAxis($0, facts: facts[...], vocabulary: vocabulary) }
            return (facts: facts, axes: axes)
        }
        let facts = parts.flatMap(\.facts)
        let version = vocabulary.taxonomy.version
        let foreign = facts.filter { $0.taxonomy != version }
        if let first = foreign.first {
            throw FieldError.invalid(
                field: "taxonomy",
                message: "\(foreign.count) classifications use taxonomy version \(first.taxonomy), "
                    + "and no mapping to version \(version) exists")
        }
        var axes: [StatDimension: FactsAxis] = [:]
        for (index, dimension) in dimensions.enumerated() {
            axes[dimension] = FactsAxis.joining(parts.map { $0.axes[index] }, codes: vocabulary.codes(dimension))
        }
        return (facts, axes)
    }
}
