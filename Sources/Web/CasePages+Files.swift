import Casework
import Foundation
import Hummingbird
import Members
import NIOCore
import SichtbarCore

extension CasePages {
    /// A scan sent from the case page's file input (`multipart/form-data`, no JavaScript): the
    /// same guards as every member form (same site, session, the session's CSRF token, here a
    /// part of the body), then `CaseworkService.attachFile`, which strips and seals it.
    @Sendable func uploadFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        if MemberPages.isCrossSite(request) { return base.notice(language, "cross_site_member", status: .forbidden) }
        guard let (_, session) = base.currentSession(context) else { return base.toLogin(request, language) }
        guard let id = CaseAPI.pathID(context), let document = CaseAPI.pathID(context, "document") else {
            return base.refusal(.notFound, language)
        }
        return try await base.refusalsAsPages(language) {
            guard let boundary = request.headers[.contentType].flatMap(MultipartBody.boundary(of:)) else {
                return try await renderCase(
                    id, session: session, language: language, status: .badRequest, error: language["file_not_multipart"])
            }
            let body: [UInt8]
            do {
                // Room for the form's other fields and the part headers beside the largest scan.
                var buffer = try await request.body.collect(upTo: CaseAPI.maxFileBody + 16 * 1024)
                body = buffer.readBytes(length: buffer.readableBytes) ?? []
            } catch {
                return try await renderCase(
                    id, session: session, language: language, status: .contentTooLarge, error: language["file_too_large"])
            }
            guard let form = MultipartBody(body, boundary: boundary) else {
                return try await renderCase(
                    id, session: session, language: language, status: .badRequest, error: language["file_not_multipart"])
            }
            guard let csrf = form.fields["csrf"], session.isValidCSRFToken(csrf) else {
                return base.notice(language, "csrf_refused", status: .forbidden)
            }
            do {
                _ = try await casework.attachFile(
                    form.files.first { $0.field == "file" }?.bytes ?? [], toDocument: document, in: id, by: session)
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                return try await renderCase(
                    id, session: session, language: language, status: .unprocessableContent,
                    error: "\(language["case_refused"]) \(fieldLabel(field, language)): \(message)")
            }
            return base.redirect("/cases/\(id.hex)", language, done: "case_file")
        }
    }

    /// A scan to download: as stored, never cached; viewing it is audited.
    @Sendable func downloadFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sealedObjectPage(request, context, "document") { session, id, document in
            CaseAPI.download(try await casework.documentFile(document, in: id, by: session), of: id)
        }
    }

    /// An evidence file the reporter sent, as a download; viewing it is audited.
    @Sendable func downloadReporterFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sealedObjectPage(request, context, "file") { session, id, file in
            CaseAPI.download(try await casework.reporterFile(file, in: id, by: session), of: id)
        }
    }

    /// A page showing one sealed object of a case named by the path (a scan, a letter), for the
    /// cookie's session; an id that cannot be one is as unknown as a missing object.
    func sealedObjectPage(
        _ request: Request, _ context: AppRequestContext, _ name: String,
        _ answer: @escaping (Session, EntityID, EntityID) async throws -> Response
    ) async throws -> Response {
        try await base.memberPage(request, context) { session, _ in
            guard let id = CaseAPI.pathID(context), let object = CaseAPI.pathID(context, name) else { throw AccessError.notFound }
            return try await answer(session, id, object)
        }
    }

    /// A letter of the case as its printable page; viewing it is audited.
    @Sendable func letterPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await sealedObjectPage(request, context, "letter") { session, id, letter in
            CaseAPI.printable(try await casework.letter(letter, in: id, by: session), of: id)
        }
    }

    /// The letter part of the case page.
    func fileValues(_ view: CaseView, _ language: Catalogue) -> CasePageView.LettersPart {
        let time = PageTime(language: language.code)
        return CasePageView.LettersPart(
            letters: view.letters.reversed().map { letter in
                CasePageView.Letter(
                    url: "/cases/\(view.id.hex)/letters/\(letter.recordID.hex)?lang=\(language.code)",
                    template: language.strings["letter_template_\(letter.template)"] ?? letter.template,
                    sentOn: letter.sentOn.map { time.day($0) },
                    edit: letter.sentOn == nil ? "/cases/\(view.id.hex)/letters/\(letter.recordID.hex)/edit?lang=\(language.code)" : nil,
                    at: time.time(stamp: letter.at))
            },
            anyLetters: !view.letters.isEmpty,
            letterTemplates: (casework.letters?.templates ?? []).map {
                CaseFormChoice(value: $0, label: language.strings["letter_template_\($0)"] ?? $0)
            })
    }
}
