import Casework
import Members
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

    /// Releases under `dpStatisticsPolicy` (ε 1/10 per release, a cap of 3/20: one release a
    /// year), frozen in `releases` (the engine's by default), the noise seeded.
    public func dpReleaseService(releases: (any ReleaseStore)? = nil) throws -> ReleaseService {
        var service = releaseService(try officeStatistics(policy: dpStatisticsPolicy(vocabulary())), releases: releases)
        service.noiseSource = { SeededNoise(state: 7) }
        return service
    }

    /// A Beratungsfall by phone that `session` opens and classifies under `ground`; its id.
    @discardableResult
    public func addClassifiedCase(_ ground: String, by session: Session) async throws -> EntityID {
        let id = try await casework.create(
            NewCaseInput(kind: "beratungsfall", channel: "telefon", title: "Fall", persons: [], contact: nil, note: nil), by: session)
        try await casework.classify(id, codes: ["ground": [ground]], flags: [], region: nil, by: session)
        return id
    }
}
