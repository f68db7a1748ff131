import Casework
import Foundation
import Hummingbird
import NIOCore
import Sealing
import Intake
import ScanScrubbing
import SichtbarCore

/// The reporter's pages: they work without JavaScript, set no cookie, and carry the language in
/// the URL. POST forms carry a hidden single-use token and are refused from other sites.
struct ReporterPages {
    let services: WebServices
    var pages: PageRenderer { services.pages }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: reportForm)
        router.post("/receipt", use: submitForm)
        router.get("/receipt", use: receiptInfo)
        router.get("/mailbox", use: mailboxForm)
        router.post("/mailbox", use: openMailbox)
        router.post("/mailbox/messages", use: sendMessage)
        router.post("/mailbox/withdraw", use: withdraw)
        router.post("/mailbox/files", use: sendFile)
        router.get("/offices", use: officeList)
        router.get("/privacy", use: privacyNotice)
        router.get("/static/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(bytes: pages.stylesheet)))
        }
    }

    // MARK: Report form

    @Sendable func reportForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        var values = ReportSubmission(language: language.code, narrative: "")
        values.office = request.uri.queryParameters["office"].map(String.init)
        return try await renderForm(language: language, values: values, error: nil, status: .ok)
    }

    @Sendable func submitForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        if let refusal = refuseCrossSite(request, language) { return refusal }
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.allowIntake(from: address) else {
            return notice(language, "rate_limited", status: .tooManyRequests, link: ("/", "back_to_form"))
        }
        return try await admittingUploads(request, language, link: ("/", "back_to_form")) {
            try await receiveReport(request, language)
        }
    }

    /// The report form's body: token, then intake; the receipt page or the form with the problem.
    private func receiveReport(_ request: Request, _ language: Catalogue) async throws -> Response {
        let form = try await formFields(request)
        let submission = Self.submission(from: form, language: language.code)
        switch services.tokens.redeem(form["token"], for: .report) {
        case .valid:
            break
        case .alreadyUsed:
            return notice(language, "already_sent", status: .conflict, link: ("/", "back_to_form"))
        case .expired, .invalid:
            return try await renderForm(language: language, values: submission, error: (nil, language["error_form_expired"]),
                                        status: .badRequest, filesLost: !form.files.isEmpty)
        }
        do {
            let acknowledged = try await services.reporter.submit(submission, files: form.files)
            let receipt = acknowledged.receipt.formatted
            var values: [String: Any] = ["title": language["receipt_title"], "receipt": receipt, "receiptGroups": Self.groups(receipt),
                                         "office": language.text("receipt_office", ["office": acknowledged.office.name])]
            // Someone who wants no answer is promised none.
            if let due = acknowledged.firstResponseBy, submission.contactWish != "none" {
                values["firstResponse"] = language.text("receipt_first_response", ["date": WrittenDay(language: language.code).text(due)])
            }
            return pages.render("receipt", status: .created, language: language, path: "/receipt", settings: services.settings,
                                values: values)
        } catch let failure as ValidationFailure {
            let key = failure.field == "files" ? Self.fileErrorKey(failure) : "error_\(failure.field ?? "generic")"
            let text = language.strings[key] ?? language["error_generic"]
            // A limit is a problem with a field like any other: 422, the field marked, the text kept
            // (files cannot be put back into a form: the page asks for them again).
            return try await renderForm(language: language, values: submission, error: (failure.field, text), status: .unprocessableContent,
                                        filesLost: !form.files.isEmpty)
        } catch is StoreError {
            return notice(language, "unavailable", status: .serviceUnavailable, link: ("/", "back_to_form"))
        }
    }

    @Sendable func receiptInfo(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        return pages.render("receipt", language: language, path: "/receipt", settings: services.settings,
                            values: ["title": language["receipt_about_title"]])
    }

    static func submission(from form: PostedForm, language: String) -> ReportSubmission {
        func optional(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        return ReportSubmission(language: language, narrative: form["narrative"] ?? "",
                                incidentDate: optional("incidentDate"), learnedDate: optional("learnedDate"),
                                grounds: form.all("grounds"), area: optional("area"), region: optional("region"),
                                role: optional("role"), contactWish: form["contactWish"] ?? "mailbox",
                                contact: optional("contact"), office: optional("office"), consent: form["consent"] == "yes")
    }

    private func renderForm(language: Catalogue, values: ReportSubmission, error: (field: String?, text: String)?,
                            status: HTTPResponse.Status, filesLost: Bool = false) async throws -> Response {
        // Only offices whose privacy notice is complete are offered (and take reports).
        let offices = ((try? await services.reporter.store.offices()) ?? []).filter(\.profile.takesReports)
        let fallback = ReportValidator.fallback(among: offices)
        let served = Set(offices.flatMap(\.profile.regions))
        let taxonomy = services.taxonomy
        func options(_ facet: String, chosen: [String]) -> [[String: Any]] {
            (taxonomy.facet(facet)?.codes ?? []).map { code in
                ["code": code.code, "label": language.label(facet: facet, code: code.code, taxonomy: code.labels),
                 "example": language.strings["\(facet)_hint_\(code.code)"] ?? "",
                 "child": code.parent != nil, "checked": chosen.contains(code.code), "selected": chosen.contains(code.code)]
            }
        }
        let regions = taxonomy.regions.sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
            .map { ["key": $0.key, "name": $0.name, "served": served.contains($0.key), "selected": $0.key == values.region] as [String: Any] }
        var page: [String: Any] = [
            "title": language["title_form"],
            "token": services.tokens.issue(.report),
            "today": Day(Date()).iso,
            "grounds": options("ground", chosen: values.grounds ?? []),
            "areas": options("area", chosen: values.area.map { [$0] } ?? []),
            "roles": options("role", chosen: values.role.map { [$0] } ?? []),
            "regions": regions,
            "offices": offices.map { office -> [String: Any] in
                ["id": office.id.hex, "name": office.name, "city": office.profile.city ?? "",
                 // Each language in its own name, so a reporter finds an office that speaks theirs.
                 "officeLanguages": office.profile.languages.map { pages.catalogues[$0]?.name ?? $0 }.joined(separator: ", "),
                 "officeRegions": office.profile.regions.map { taxonomy.region($0)?.name ?? $0 }.joined(separator: ", "),
                 "selected": office.id.hex == values.office]
            },
            "fallbackHint": fallback.map { language.text("office_hint_fallback", ["fallback": $0.name]) } ?? "",
            "consent": consentLayer(language, office: offices.first { $0.id.hex == values.office }),
            "consentGiven": values.consent == true,
            "filesLost": filesLost,
            "maxFiles": ReporterService.maxFiles,
            "wish": [values.contactWish: true],
            "values": ["narrative": values.narrative, "incidentDate": values.incidentDate ?? "",
                       "learnedDate": values.learnedDate ?? "", "contact": values.contact ?? ""],
        ]
        if let error {
            page["error"] = ["text": error.text, "isNarrative": error.field == "narrative", "isConsent": error.field == "consent",
                             "isOffice": error.field == "office",
                             "isFiles": error.field == "files"] as [String: Any]
        }
        return pages.render("index", status: status, language: language, path: "/", settings: services.settings, values: page)
    }

    // MARK: Mailbox

    @Sendable func mailboxForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        return mailboxPage(language, status: .ok)
    }

    @Sendable func openMailbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxRead) { language, form, receipt in
            try await showMailbox(language, receipt: receipt, includeReport: form["includeReport"] == "yes", notice: nil)
        }
    }

    @Sendable func sendMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxMessage) { language, form, receipt in
            do {
                guard try await services.reporter.addMessage(receipt: receipt, text: form["text"] ?? "") else {
                    return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
                }
            } catch is ValidationFailure {
                return try await showMailbox(language, receipt: receipt, includeReport: false, notice: nil,
                                             error: language["mailbox_message_empty"], status: .unprocessableContent)
            }
            return try await showMailbox(language, receipt: receipt, includeReport: false, notice: language["mailbox_sent"],
                                         status: .created)
        }
    }

    @Sendable func sendFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxFile) { language, form, receipt in
            do {
                guard try await services.reporter.addFile(receipt: receipt, bytes: form.files.first ?? []) else {
                    return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
                }
            } catch let failure as ValidationFailure {
                let key = Self.fileErrorKey(failure)
                return try await showMailbox(language, receipt: receipt, includeReport: false, notice: nil,
                                             error: language[key], status: .unprocessableContent)
            }
            return try await showMailbox(language, receipt: receipt, includeReport: false, notice: language["mailbox_file_sent"],
                                         status: .created)
        }
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxWithdraw) { language, form, receipt in
            guard form["confirm"] == "yes" else {
                return try await showMailbox(language, receipt: receipt, includeReport: false, notice: nil,
                                             error: language["withdraw_confirm_missing"], status: .unprocessableContent)
            }
            // The two outcomes differ in text; both are padded to the size of the longer one, so
            // an observer of the traffic cannot tell whether a counsellor had touched the case.
            let size = ResponsePadding.target(max(noticeSize(language, "withdrawn", link: Self.withdrawnLink),
                                                  noticeSize(language, "withdraw_requested", link: Self.requestedLink)))
            switch try await services.reporter.withdraw(receipt: receipt) {
            case .geloescht?:
                return notice(language, "withdrawn", status: .ok, link: Self.withdrawnLink, size: size)
            case .some:
                return notice(language, "withdraw_requested", status: .ok, link: Self.requestedLink, size: size)
            case nil:
                return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
            }
        }
    }

    /// The common checks of every mailbox form: origin, rate, token, receipt; store failures as a page.
    private func withMailbox(_ request: Request, _ context: AppRequestContext, purpose: FormTokens.Purpose,
                             _ body: (Catalogue, PostedForm, Receipt) async throws -> Response) async throws -> Response {
        let language = pages.language(of: request)
        if let refusal = refuseCrossSite(request, language) { return refusal }
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.mailboxPerAddress.allow(address) else {
            return notice(language, "rate_limited", status: .tooManyRequests, link: ("/mailbox", "back_to_mailbox"))
        }
        return try await admittingUploads(request, language, link: ("/mailbox", "back_to_mailbox")) {
            let form = try await formFields(request)
            switch services.tokens.redeem(form["token"], for: purpose) {
            case .valid: break
            // A mailbox form is good once: a copied or replayed one opens, sends or withdraws nothing.
            case .alreadyUsed: return notice(language, "mailbox_form_invalid", status: .conflict, link: ("/mailbox", "back_to_mailbox"))
            case .expired, .invalid: return notice(language, "mailbox_form_invalid", status: .badRequest, link: ("/mailbox", "back_to_mailbox"))
            }
            guard let receipt = try? Receipt.parse(form["receipt"] ?? "") else {
                return mailboxPage(language, status: .badRequest, error: language["mailbox_malformed"])
            }
            do {
                return try await body(language, form, receipt)
            } catch is StoreError {
                return notice(language, "mailbox_unavailable", status: .serviceUnavailable, link: ("/mailbox", "back_to_mailbox"))
            }
        }
    }

    /// A form with files is read only while `UploadGate` has a place (the bytes stay in memory
    /// until they are sealed); beyond it, a 503 notice before the body is read. Forms without
    /// files pass straight through.
    private func admittingUploads(_ request: Request, _ language: Catalogue, link: (path: String, label: String),
                                  _ body: () async throws -> Response) async throws -> Response {
        guard RequestBody.isMultipart(request) else { return try await body() }
        if let response = try await services.uploads.admit(body) { return response }
        return notice(language, "unavailable", status: .serviceUnavailable, link: link)
    }

    private func showMailbox(_ language: Catalogue, receipt: Receipt, includeReport: Bool, notice: String?,
                             error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let view = try await services.reporter.read(receipt: receipt, includeReport: includeReport) else {
            return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
        }
        let dates = WrittenDay(language: language.code)
        let office = try await services.reporter.store.offices().first { $0.id == view.officeID }
        // Once deletion is requested (or done) there is nothing left to withdraw, nor to add to.
        let open = ![.loeschungBeantragt, .geloescht].contains(view.status)
        var values: [String: Any] = [
            "opened": true,
            "office": office.map { language.text("mailbox_office", ["office": $0.name]) } ?? "",
            "receipt": receipt.formatted,
            "statusLabel": language["status_\(view.status.rawValue)"],
            "statusExplain": language["status_\(view.status.rawValue)_explain"],
            "mayWithdraw": open,
            "mayAddFile": open && view.files.count < ReporterService.maxFiles,
            "fileToken": services.tokens.issue(.mailboxFile),
            "messages": view.messages.map { message -> [String: Any] in
                ["from": message.from.rawValue, "text": message.text, "on": message.on.iso,
                 "file": message.file.map { "\(Self.typeName($0.mediaType)), \(ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file))" } ?? "",
                 "onText": dates.text(message.on),
                 "sender": language[message.from == .office ? "mailbox_from_office" : "mailbox_from_reporter"]]
            },
            "messageToken": services.tokens.issue(.mailboxMessage),
            "withdrawToken": services.tokens.issue(.mailboxWithdraw),
        ]
        if let report = view.report {
            values["report"] = ["narrative": report.narrative,
                                "incidentDate": report.incidentDate.map(dates.text) ?? ""]
        }
        if let notice { values["notice"] = notice }
        if let error { values["error"] = error }
        return mailboxPage(language, status: status, values: values)
    }

    private func mailboxPage(_ language: Catalogue, status: HTTPResponse.Status, error: String? = nil,
                             values: [String: Any] = [:]) -> Response {
        var page = values
        page["title"] = language["mailbox_title"]
        page["readToken"] = services.tokens.issue(.mailboxRead)
        if let error { page["error"] = error }
        return pages.renderPadded("mailbox", status: status, language: language, path: "/mailbox", settings: services.settings,
                                  values: page)
    }

    // MARK: Offices

    @Sendable func officeList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        let offices = try await services.reporter.store.offices().filter(\.profile.takesReports)
        let list = offices.map { office -> [String: Any] in
            let profile = office.profile
            return [
                "id": office.id.hex, "name": office.name, "address": profile.address ?? "", "hours": profile.hours ?? "",
                "phone": profile.phone ?? "", "email": profile.email ?? "",
                "phoneLink": profile.phone.map(Self.telephoneLink) ?? "", "emailLink": profile.email.map { "mailto:\($0)" } ?? "",
                "languages": profile.languages.map { services.pages.catalogues[$0]?.name ?? $0 }.joined(separator: ", "),
                "regions": profile.regions.map { services.taxonomy.region($0)?.name ?? $0 }.joined(separator: ", "),
                "controller": profile.controller ?? "", "law": profile.law?.title ?? "",
                "dpo": profile.dpo ?? "", "authority": profile.authorityName ?? "",
            ]
        }
        return pages.render("offices", language: language, path: "/offices", settings: services.settings,
                            values: ["title": language["offices_title"], "offices": list])
    }

    // MARK: Helpers

    /// Refuses a form sent from another site; browsers that send no `Sec-Fetch-Site` rely on the token.
    private func refuseCrossSite(_ request: Request, _ language: Catalogue) -> Response? {
        guard let site = request.headers[.secFetchSite], site != "same-origin", site != "none" else {
            return nil
        }
        return notice(language, "cross_site", status: .forbidden, link: ("/", "back_to_form"))
    }

    /// The posted form: URL-encoded, or multipart when it carries files (the report form, the
    /// mailbox's file form), each with its own size limit.
    private func formFields(_ request: Request) async throws -> PostedForm {
        if let body = try await RequestBody.multipart(request, limit: WebSettings.maxMultipartBody) {
            return PostedForm(fields: body.fields, files: body.files.map(\.bytes))
        }
        let bytes = try await RequestBody.bytes(request, limit: WebSettings.maxFormBody)
        guard let form = FormFields(bytes) else {
            throw APIError(.badRequest, code: "bad_request", message: "the form is not valid UTF-8")
        }
        return PostedForm(fields: form, files: [])
    }

    /// The message for a refused evidence file: a damaged one gets its own (its metadata cannot be
    /// removed with certainty), every other refusal names the accepted types and limits.
    static func fileErrorKey(_ failure: ValidationFailure) -> String {
        failure.code == .validationFailed ? "error_files_unstrippable" : "error_files"
    }

    /// A file type as a reporter knows it.
    static func typeName(_ type: ScannedFile.MediaType) -> String {
        switch type {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .pdf: "PDF"
        }
    }

    /// A `tel:` link: the number without spaces, slashes or brackets, `+` kept.
    static func telephoneLink(_ number: String) -> String {
        "tel:" + number.filter { $0.isNumber || $0 == "+" }
    }

    /// The receipt's groups of four, each kept on one line; the last carries no dash.
    static func groups(_ receipt: String) -> [[String: Any]] {
        let parts = receipt.split(separator: "-").map(String.init)
        return parts.enumerated().map { ["text": $1, "dash": $0 < parts.count - 1] }
    }

    static let withdrawnLink = (path: "/", label: "back_to_form")
    static let requestedLink = (path: "/mailbox", label: "back_to_mailbox")

    /// A notice page, padded as the mailbox pages are (to `size` when that is larger).
    private func notice(_ language: Catalogue, _ key: String, status: HTTPResponse.Status,
                        link: (path: String, label: String), size: Int = 0) -> Response {
        pages.renderPadded("notice", status: status, language: language, path: link.path, settings: services.settings,
                           values: pages.noticeValues(language, key, link: link), size: size)
    }

    private func noticeSize(_ language: Catalogue, _ key: String, link: (path: String, label: String)) -> Int {
        pages.html("notice", language: language, path: link.path, settings: services.settings,
                   values: pages.noticeValues(language, key, link: link)).utf8.count
    }

}
