/// The Verband's publication for one period: the merged tables after disclosure control, as the
/// signed file (`scope: verband`, canonical JSON) the analysts' pages and the API serve. Its
/// counts are meant for the public, so it is kept unsealed; its signature is checked on reading.
public struct PublishedStatistics: Sendable, Equatable {
    /// `2026` or `2026-Q3`.
    public let period: String
    /// When it was published (an audit timestamp).
    public let publishedAt: String
    /// How many office releases went into it.
    public let releaseCount: Int
    /// The signed statistics file, byte for byte as signed.
    public let file: [UInt8]

    public init(period: String, publishedAt: String, releaseCount: Int, file: [UInt8]) {
        self.period = period
        self.publishedAt = publishedAt
        self.releaseCount = releaseCount
        self.file = file
    }
}
