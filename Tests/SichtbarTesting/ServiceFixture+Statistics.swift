import Casework
import SichtbarCore
import Statistics

extension ServiceFixture {
    /// The vocabulary of the real taxonomy and the fixture's workflow.
    public func vocabulary() throws -> StatVocabulary {
        StatVocabulary(taxonomy: try realTaxonomy(), workflow: casework.policy)
    }

    /// A lead's tables under `policy` (the shipped one by default), on the fixture's clock.
    public func officeStatistics(policy: StatisticsPolicy? = nil) throws -> OfficeStatistics {
        let vocabulary = try vocabulary()
        return OfficeStatistics(
            store: stores.statistics, members: stores.members, policy: try policy ?? shippedStatisticsPolicy(vocabulary),
            vocabulary: vocabulary, today: { clock.today })
    }

    /// Releases over `statistics`, frozen in `releases` (the engine's by default), signed with the server key.
    public func releaseService(_ statistics: OfficeStatistics, releases: (any ReleaseStore)? = nil) -> ReleaseService {
        ReleaseService(statistics: statistics, releases: releases ?? stores.releases, signer: signer, now: { clock.now })
    }
}
