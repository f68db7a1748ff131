import Casework
import Foundation
import Hummingbird
import Members
import NIOCore
import ScanScrubbing
import SichtbarCore

/// Scans of documents and letters: `PUT|GET /api/v1/cases/{id}/documents/{document}/file`,
/// `POST /api/v1/cases/{id}/letters`, `GET /api/v1/cases/{id}/letters/{letter}`.
extension CaseAPI {
    /// The largest upload: the stripper's limit. The route reads no more than this, so an
    /// oversized body is answered 413 before it is held in memory.
    static let maxFileBody = MetadataStripper.maximumSize

    /// Takes the raw body as the scan; the Content-Type is ignored, the type is read from the bytes.
    @Sendable func attachFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let document = try Self.caseID(context, "document")
        let bytes: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: Self.maxFileBody)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw APIError(
                .contentTooLarge, code: "too_large", message: "a file may be at most \(Self.maxFileBody / (1024 * 1024)) MiB",
                field: "file")
        }
        let file = try await casework.attachFile(bytes, toDocument: document, in: id, by: session)
        struct Attached: Encodable {
            let hash: String
            let mediaType: String
            let size: Int
        }
        return try JSONResponse.make(.created, Attached(hash: file.hash, mediaType: file.mediaType.rawValue, size: file.size))
    }

    /// The scan as an attachment, with the type read from it when it was stored; never cached.
    @Sendable func documentFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, file) = try await sealedObject(request, context, "document") { session, id, document in
            try await casework.documentFile(document, in: id, by: session)
        }
        return Self.download(file, of: id)
    }

    /// An evidence file the reporter sent (named by a message of the case's thread); audited.
    @Sendable func reporterFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, file) = try await sealedObject(request, context, "file") { session, id, file in
            try await casework.reporterFile(file, in: id, by: session)
        }
        return Self.download(file, of: id)
    }

    /// One sealed object of a case named by the path (a scan, a letter), fetched for the bearer's
    /// session; with the case id, for naming the answer.
    func sealedObject<Object>(
        _ request: Request, _ context: AppRequestContext, _ name: String,
        _ fetch: (Session, EntityID, EntityID) async throws -> Object
    ) async throws -> (EntityID, Object) {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        let object = try Self.caseID(context, name)
        return (id, try await fetch(session, id, object))
    }

    /// A scan as an attachment named after the case reference (never the uploaded name), never cached.
    static func download(_ file: ScannedFile, of id: EntityID) -> Response {
        let name = "dokument-\(CaseReference.of(id)).\(fileExtension(file.mediaType))"
        return Response(
            status: .ok,
            headers: [
                .contentType: file.mediaType.rawValue, .contentDisposition: "attachment; filename=\"\(name)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    @Sendable func generateLetter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try Self.caseID(context)
        struct Body: Decodable { let template: String }
        let body = try await RequestBody.json(Body.self, from: request)
        let letterID = try await casework.generateLetter(template: body.template, for: id, by: session)
        struct Created: Encodable { let id: String }
        return try JSONResponse.make(.created, Created(id: letterID.hex))
    }

    /// The letter as a printable page.
    @Sendable func letter(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (id, letter) = try await sealedObject(request, context, "letter") { session, id, letter in
            try await casework.letter(letter, in: id, by: session)
        }
        return Self.printable(letter, of: id)
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
