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
    /// The analysts' merge of received releases; nil where this server publishes nothing itself.
    public let publisher: VerbandPublisher?

    public init(
        releases: ReleaseService, published: any PublishedStatisticsStore, publisherKey: SigningPublicKey,
        publisher: VerbandPublisher? = nil
    ) {
        self.releases = releases
        self.published = published
        self.publisherKey = publisherKey
        self.publisher = publisher
    }

    public var policy: StatisticsPolicy { releases.statistics.policy }
}
