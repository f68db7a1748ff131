import Casework
import Sealing
import Statistics

/// What the statistics routes need: a lead's releases (compute, preview, send) and the
/// Verband's publications with the key they must be signed with.
public struct StatisticsServices: Sendable {
    public let releases: ReleaseService
    public let published: any PublishedStatisticsStore
    /// The key publications are signed with (this server's); a file signed otherwise is not shown.
    public let publisherKey: SigningPublicKey

    public init(releases: ReleaseService, published: any PublishedStatisticsStore, publisherKey: SigningPublicKey) {
        self.releases = releases
        self.published = published
        self.publisherKey = publisherKey
    }

    public var policy: StatisticsPolicy { releases.statistics.policy }
}
