import CaseFileContract
import Casework
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import ScanScrubbing
import SichtbarCore

/// A case's files and letters (CONTRACT.md `/api/v1/cases/{id}/…`) behind the interface
/// generated from Templates/api/openapi.yaml: the scan of a signed document (raw upload and
/// download), an evidence file the reporter sent, and letters (generated, printed as a page).
/// Every call goes through `CaseworkService`, which checks role, office and assignment and
/// audits; what it refuses reaches `DomainErrorMiddleware`.
struct CaseFileAPI: APIProtocol {
    let casework: CaseworkService

    /// Registers the generated routes on `group`, which carries `DomainErrorMiddleware`,
    /// `MemberAuthenticator` (bearer) and `RequestScopeMiddleware`, in that order. The scan's
    /// raw body passes `BodyGate` without the JSON gate; `HeaderUnescaping` undoes the
    /// runtime's percent-encoding of the download's and the letter page's header values.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        do {
            try registerHandlers(
                on: group, configuration: ReporterAPI.configuration,
                middlewares: [
                    AcceptIgnoring(), MemberRequired(), HeaderUnescaping(names: [.contentDisposition, .contentSecurityPolicy]),
                    BodyGate(json: [Operations.GenerateLetter.id], raw: [Operations.AttachDocumentFile.id]),
                ])
        } catch {
            // Only an unusable server URL throws, and the default one (`/`) is fixed.
            preconditionFailure("the case file API's routes could not be registered: \(error)")
        }
    }

    /// Takes the raw body as the scan; the Content-Type is ignored (`BodyGate`), the type is
    /// read from the bytes. No more than the stripper's limit is read: past it, `413` naming `file`.
    func attachDocumentFile(_ input: Operations.AttachDocumentFile.Input) async throws -> Operations.AttachDocumentFile.Output {
        let session = try RequestScope.requireMember()
        let (id, document) = (try Self.id(input.path.id), try Self.id(input.path.document))
        guard case .binary(let body) = input.body else { throw APIError.unsupportedMediaType }
        let bytes: [UInt8]
        do {
            bytes = try await [UInt8](collecting: body, upTo: CaseAPI.maxFileBody)
        } catch {
            throw APIError(
                .contentTooLarge, code: "too_large", message: "a file may be at most \(CaseAPI.maxFileBody / (1024 * 1024)) MiB",
                field: "file")
        }
        let file = try await casework.attachFile(bytes, toDocument: document, in: id, by: session)
        typealias MediaType = Operations.AttachDocumentFile.Output.Created.Body.JsonPayload.MediaTypePayload
        guard let mediaType = MediaType(rawValue: file.mediaType.rawValue) else {
            throw APIError(.internalServerError, code: "internal", message: "internal error")
        }
        return .created(.init(body: .json(.init(hash: file.hash, mediaType: mediaType, size: file.size))))
    }

    /// The scan as an attachment, with the type read from it when it was stored; never cached.
    func downloadDocumentFile(_ input: Operations.DownloadDocumentFile.Input) async throws -> Operations.DownloadDocumentFile.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.id(input.path.id)
        let file = try await casework.documentFile(try Self.id(input.path.document), in: id, by: session)
        return .ok(.init(headers: Self.attachment(file, of: id), body: Self.body(file)))
    }

    /// An evidence file the reporter sent (named by a message of the case's thread); audited.
    func downloadReporterFile(_ input: Operations.DownloadReporterFile.Input) async throws -> Operations.DownloadReporterFile.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.id(input.path.id)
        let file = try await casework.reporterFile(try Self.id(input.path.file), in: id, by: session)
        let headers = Self.attachment(file, of: id)
        let body: Operations.DownloadReporterFile.Output.Ok.Body
        switch Self.body(file) {
        case .jpeg(let bytes): body = .jpeg(bytes)
        case .png(let bytes): body = .png(bytes)
        case .pdf(let bytes): body = .pdf(bytes)
        }
        return .ok(.init(headers: .init(contentDisposition: headers.contentDisposition, cacheControl: headers.cacheControl), body: body))
    }

    func generateLetter(_ input: Operations.GenerateLetter.Input) async throws -> Operations.GenerateLetter.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.id(input.path.id)
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        // The template is a plain string here (`typeOverrides`): the service names an unknown one.
        let letterID = try await casework.generateLetter(template: body.template, for: id, by: session)
        return .created(.init(body: .json(.init(id: letterID.hex))))
    }

    /// The letter as a printable page, with the page's own policy allowing its inline stylesheet.
    func printLetter(_ input: Operations.PrintLetter.Input) async throws -> Operations.PrintLetter.Output {
        let session = try RequestScope.requireMember()
        let id = try Self.id(input.path.id)
        let letter = try await casework.letter(try Self.id(input.path.letter), in: id, by: session)
        let page = LetterPage.html(letter, reference: CaseReference.of(id))
        return .ok(
            .init(
                headers: .init(contentSecurityPolicy: LetterPage.contentSecurityPolicy, cacheControl: "no-store"),
                body: .textHtmlCharsetUtf8(HTTPBody(page))))
    }

    /// An id of the path (the case's, a document's, a file's, a letter's); text that cannot be
    /// one is as unknown as any other id.
    static func id(_ text: String) throws -> EntityID {
        guard let id = EntityID(hex: text) else { throw APIError.notFound }
        return id
    }

    /// The download's headers: named after the case reference (never the uploaded name), never cached.
    static func attachment(_ file: ScannedFile, of id: EntityID) -> Operations.DownloadDocumentFile.Output.Ok.Headers {
        .init(contentDisposition: CaseAPI.contentDisposition(file, of: id), cacheControl: "no-store")
    }

    /// The stripped file, typed by what was read from its bytes when it was stored.
    static func body(_ file: ScannedFile) -> Operations.DownloadDocumentFile.Output.Ok.Body {
        let bytes = HTTPBody(file.bytes)
        switch file.mediaType {
        case .jpeg: return .jpeg(bytes)
        case .png: return .png(bytes)
        case .pdf: return .pdf(bytes)
        }
    }
}
