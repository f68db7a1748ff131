/// Removes what an uploaded scan says about who made it, with what, when and where (camera serial
/// numbers, GPS positions, author names, software, timestamps, thumbnails) before it is sealed.
///
/// The type is read from the file's own magic bytes, never from a client's Content-Type or name.
/// JPEG and PNG files are rebuilt from the segments and chunks that draw the image; PDF files are
/// blanked in place so their byte offsets stay valid (see `MetadataStripper+PDF.swift` for what
/// that does not reach).
public enum MetadataStripper {
    /// Largest file accepted: 10 MiB.
    public static let maximumSize = 10 * 1024 * 1024

    /// Why a file was refused.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case empty
        case tooLarge(limit: Int)
        /// Not JPEG, PNG or PDF by its magic bytes.
        case unsupportedType
        /// The structure is broken; the string says where.
        case malformed(String)

        /// What a counsellor or reporter reads when a file is refused: the problem, never the file's content.
        public var description: String {
            switch self {
            case .empty: return "the file is empty"
            case .tooLarge(let limit): return "the file is larger than \(limit / (1024 * 1024)) MiB"
            case .unsupportedType: return "the file is not a JPEG, PNG or PDF"
            case .malformed(let problem): return "the file is damaged (\(problem))"
            }
        }
    }

    /// Detects the type from the magic bytes (never trust a client's Content-Type), strips
    /// metadata, returns the clean file.
    public static func strip(_ bytes: [UInt8]) throws(Refusal) -> ScannedFile {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumSize else { throw .tooLarge(limit: maximumSize) }
        switch try mediaType(of: bytes) {
        case .jpeg: return ScannedFile(mediaType: .jpeg, bytes: try stripJPEG(bytes))
        case .png: return ScannedFile(mediaType: .png, bytes: try stripPNG(bytes))
        case .pdf: return ScannedFile(mediaType: .pdf, bytes: try stripPDF(bytes))
        }
    }

    /// The type the magic bytes announce. A damaged PNG signature is malformed rather than
    /// unsupported, so the counsellor hears that the file is broken, not that PNG is not accepted.
    static func mediaType(of bytes: [UInt8]) throws(Refusal) -> ScannedFile.MediaType {
        if bytes.starts(with: [0xFF, 0xD8]) { return .jpeg }
        if bytes.starts(with: pngSignature) { return .png }
        if bytes.starts(with: pngSignature.prefix(4)) { throw .malformed("PNG signature damaged") }
        if pdfHeaderOffset(in: bytes) != nil { return .pdf }
        throw .unsupportedType
    }

    /// Where `needle` first occurs in `bytes` at or after `start`.
    static func firstOffset(of needle: [UInt8], in bytes: [UInt8], from start: Int, before end: Int? = nil) -> Int? {
        guard let first = needle.first, start >= 0 else { return nil }
        let limit = min(end ?? bytes.count, bytes.count) - needle.count
        var index = start
        while index <= limit {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    /// Whether `needle` stands in `bytes` at `offset`.
    static func matches(_ needle: [UInt8], in bytes: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset <= bytes.count - needle.count else { return false }
        return bytes[offset..<(offset + needle.count)].elementsEqual(needle)
    }
}
