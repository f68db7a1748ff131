import Casework
import Hummingbird
import NIOCore
import ScanScrubbing
import SichtbarCore

/// How scans and letters are answered, on the API (`CaseFileAPI`) and on the case pages alike.
extension CaseAPI {
    /// The largest upload: the stripper's limit. The route reads no more than this, so an
    /// oversized body is answered 413 before it is held in memory.
    static let maxFileBody = MetadataStripper.maximumSize

    /// A scan as an attachment named after the case reference (never the uploaded name), never cached.
    static func download(_ file: ScannedFile, of id: EntityID) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType.rawValue, .contentDisposition: contentDisposition(file, of: id), .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    /// `attachment; filename="dokument-REFERENCE.jpg"`: the case reference, the type read from the bytes.
    static func contentDisposition(_ file: ScannedFile, of id: EntityID) -> String {
        "attachment; filename=\"dokument-\(CaseReference.of(id)).\(fileExtension(file.mediaType))\""
    }

    /// A letter as its printable page, with the page's own policy allowing its inline stylesheet.
    static func printable(_ letter: StoredLetter, of id: EntityID) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy: LetterPage.contentSecurityPolicy,
            ],
            body: .init(byteBuffer: ByteBuffer(string: LetterPage.html(letter, reference: CaseReference.of(id)))))
    }

    static func fileExtension(_ type: ScannedFile.MediaType) -> String {
        switch type {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .pdf: return "pdf"
        }
    }
}
