/// The scan attached to a document, as the sheet records it: which sealed record holds it, what
/// it is, and the SHA-256 of the stripped file, so a printout or a copy can be matched to it
/// later. The bytes themselves are a `document_file` record, fetched only when someone views them.
public struct DocumentFile: Sendable, Equatable, Codable {
    public let recordID: EntityID
    public let mediaType: ScannedFile.MediaType
    /// Bytes of the stripped file.
    public let size: Int
    /// SHA-256 of the stripped file, lower-case hex (what `sha256sum` prints).
    public let hash: String

    public init(recordID: EntityID, mediaType: ScannedFile.MediaType, size: Int, hash: String) {
        self.recordID = recordID
        self.mediaType = mediaType
        self.size = size
        self.hash = hash
    }
}
