/// A file a counsellor attaches to a document, after its metadata is stripped.
///
/// Only `MetadataStripper.strip(_:)` should make one from an upload, so a file that reaches
/// sealing has had its type read from its own bytes and its metadata removed.
public struct ScannedFile: Sendable, Equatable, Codable {
    /// The types a scan arrives in; the raw value is what a download is served as.
    public enum MediaType: String, Sendable, Codable, CaseIterable {
        case jpeg = "image/jpeg"
        case png = "image/png"
        case pdf = "application/pdf"
    }

    public let mediaType: MediaType
    public let bytes: [UInt8]

    public init(mediaType: MediaType, bytes: [UInt8]) {
        self.mediaType = mediaType
        self.bytes = bytes
    }
}
