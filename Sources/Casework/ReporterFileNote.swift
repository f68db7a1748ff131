/// What the thread records about an evidence file the reporter sent: which sealed record holds
/// it, its type and size after stripping, and its SHA-256, so the counsellor can match a copy.
/// No file name is kept: names ("IMG_2031 Vermieter Müller.jpg") tell too much.
public struct ReporterFileNote: Sendable, Codable, Equatable {
    public let recordID: EntityID
    public let mediaType: ScannedFile.MediaType
    public let size: Int
    /// SHA-256 of the stripped file, lower-case hex.
    public let hash: String

    public init(recordID: EntityID, mediaType: ScannedFile.MediaType, size: Int, hash: String) {
        self.recordID = recordID
        self.mediaType = mediaType
        self.size = size
        self.hash = hash
    }
}
