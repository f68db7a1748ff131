import ScanScrubbing

/// A stripped file sealed as its own record: the scan attached to a document (the sheet records
/// it; a `document_file` record under the case key) or an evidence file the reporter sent (the
/// reporter's message records it; a `reporter_file` record under the mailbox key). Which record
/// holds it, what it is, and the SHA-256 of the stripped file, so a printout or a copy can be
/// matched to it later. The bytes are fetched only when someone views them; no file name is kept.
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
