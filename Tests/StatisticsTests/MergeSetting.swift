import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

/// What the merge suites share: the repository's vocabulary and policy, one office's signing
/// key, the year 2026 and the day in January 2027 its releases are merged.
struct MergeSetting {
    let vocabulary: StatVocabulary
    let policy: StatisticsPolicy
    let office = SigningKeyPair()
    let day = Day(year: 2027, month: 1, day: 15) ?? Day(Date())
    let year: StatPeriod

    init() throws {
        year = try #require(StatPeriod(year: 2026))
        vocabulary = try StatisticsFixtures.vocabulary()
        policy = try StatisticsFixtures.policy()
    }

    /// The merge under the policy, trusting only the office's key.
    var merge: VerbandMerge { VerbandMerge(policy: policy, taxonomyVersion: vocabulary.taxonomy.version, trustedKeys: [office.publicKey]) }
}
