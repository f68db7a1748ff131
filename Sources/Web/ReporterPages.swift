import Casework
import Foundation
import Hummingbird
import Intake
import NIOCore
import ScanScrubbing
import Sealing
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
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
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
            return try await renderForm(
                language: language, values: submission, error: (nil, language["error_form_expired"]),
                status: .badRequest, filesLost: !form.files.isEmpty)
        }
        do {
            let acknowledged = try await services.reporter.submit(submission, files: form.files)
            let receipt = acknowledged.receipt.formatted
            // Someone who wants no answer is promised none.
            var firstResponse: String?
            if let due = acknowledged.firstResponseBy, submission.contactWish != "none" {
                firstResponse = language.text("receipt_first_response", ["date": WrittenDay(language: language.code).text(due)])
            }
            let view = ReceiptView(
                title: language["receipt_title"], receipt: receipt, receiptGroups: Self.groups(receipt),
                office: language.text("receipt_office", ["office": acknowledged.office.name]), firstResponse: firstResponse)
            return pages.render(
                "receipt", status: .created, language: language, path: "/receipt", settings: services.settings,
                page: view)
        } catch let failure as FieldError {
            let key = failure.field == "files" ? Self.fileErrorKey(failure) : "error_\(failure.field)"
            let text = language.strings[key] ?? language["error_generic"]
            // A limit is a problem with a field like any other: 422, the field marked, the text kept
            // (files cannot be put back into a form: the page asks for them again).
            return try await renderForm(
                language: language, values: submission, error: (failure.field, text), status: .unprocessableContent,
                filesLost: !form.files.isEmpty)
        } catch is StoreError {
            return notice(language, "unavailable", status: .serviceUnavailable, link: ("/", "back_to_form"))
        }
    }

    @Sendable func receiptInfo(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        return pages.render(
            "receipt", language: language, path: "/receipt", settings: services.settings,
            page: ReceiptView(title: language["receipt_about_title"], receipt: nil, receiptGroups: nil, office: nil, firstResponse: nil))
    }

    static func submission(from form: PostedForm, language: String) -> ReportSubmission {
        func optional(_ name: String) -> String? {
            guard let value = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        return ReportSubmission(
            language: language, narrative: form["narrative"] ?? "",
            incidentDate: optional("incidentDate"), learnedDate: optional("learnedDate"),
            grounds: form.all("grounds"), area: optional("area"), region: optional("region"),
            role: optional("role"), contactWish: form["contactWish"] ?? "mailbox",
            contact: optional("contact"), office: optional("office"), consent: form["consent"] == "yes")
    }

    private func renderForm(
        language: Catalogue, values: ReportSubmission, error: (field: String?, text: String)?,
        status: HTTPResponse.Status, filesLost: Bool = false
    ) async throws -> Response {
        // Only offices whose privacy notice is complete are offered (and take reports).
        let offices = ((try? await services.reporter.store.offices()) ?? []).filter(\.profile.takesReports)
        let fallback = ReportValidator.fallback(among: offices)
        let served = Set(offices.flatMap(\.profile.regions))
        let taxonomy = services.taxonomy
        func options(_ facet: String, chosen: [String]) -> [ReportFormView.Choice] {
            (taxonomy.facet(facet)?.codes ?? []).map { code in
                ReportFormView.Choice(
                    code: code.code, label: language.label(facet: facet, code: code.code, taxonomy: code.labels),
                    example: language.strings["\(facet)_hint_\(code.code)"] ?? "",
                    child: code.parent != nil, checked: chosen.contains(code.code), selected: chosen.contains(code.code))
            }
        }
        let regions = taxonomy.regions.sorted { $0.name.compare($1.name, locale: Locale(identifier: "de")) == .orderedAscending }
            .map { ReportFormView.Region(key: $0.key, name: $0.name, served: served.contains($0.key), selected: $0.key == values.region) }
        let page = ReportFormView(
            title: language["title_form"],
            token: services.tokens.issue(.report),
            today: Day(Date()).iso,
            grounds: options("ground", chosen: values.grounds ?? []),
            areas: options("area", chosen: values.area.map { [$0] } ?? []),
            roles: options("role", chosen: values.role.map { [$0] } ?? []),
            regions: regions,
            offices: offices.map { office in
                ReportFormView.OfficeChoice(
                    id: office.id.hex, name: office.name, city: office.profile.city ?? "",
                    // Each language in its own name, so a reporter finds an office that speaks theirs.
                    officeLanguages: office.profile.languages.map { pages.catalogues[$0]?.name ?? $0 }.joined(separator: ", "),
                    officeRegions: office.profile.regions.map { taxonomy.region($0)?.name ?? $0 }.joined(separator: ", "),
                    selected: office.id.hex == values.office)
            },
            fallbackHint: fallback.map { language.text("office_hint_fallback", ["fallback": $0.name]) } ?? "",
            consent: consentLayer(language, office: offices.first { $0.id.hex == values.office }),
            consentGiven: values.consent == true,
            filesLost: filesLost,
            maxFiles: ReporterService.maxFiles,
            wish: [values.contactWish: true],
            values: ReportFormView.Values(
                narrative: values.narrative, incidentDate: values.incidentDate ?? "",
                learnedDate: values.learnedDate ?? "", contact: values.contact ?? ""),
            error: error.map {
                ReportFormView.Problem(
                    text: $0.text, isNarrative: $0.field == "narrative", isConsent: $0.field == "consent",
                    isOffice: $0.field == "office", isFiles: $0.field == "files")
            })
        return pages.render("index", status: status, language: language, path: "/", settings: services.settings, page: page)
    }

    // MARK: Mailbox

    @Sendable func officeList(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        let offices = try await services.reporter.store.offices().filter(\.profile.takesReports)
        let list = offices.map { office in
            let profile = office.profile
            return OfficeListView.Office(
                id: office.id.hex, name: office.name, address: profile.address ?? "", hours: profile.hours ?? "",
                phone: profile.phone ?? "", email: profile.email ?? "",
                phoneLink: profile.phone.map(Self.telephoneLink) ?? "", emailLink: profile.email.map { "mailto:\($0)" } ?? "",
                languages: profile.languages.map { services.pages.catalogues[$0]?.name ?? $0 }.joined(separator: ", "),
                regions: profile.regions.map { services.taxonomy.region($0)?.name ?? $0 }.joined(separator: ", "),
                controller: profile.controller ?? "", law: profile.law?.title ?? "",
                dpo: profile.dpo ?? "", authority: profile.authorityName ?? "")
        }
        return pages.render(
            "offices", language: language, path: "/offices", settings: services.settings,
            page: OfficeListView(title: language["offices_title"], offices: list))
    }

    // MARK: Helpers

    /// Refuses a form sent from another site; browsers that send no `Sec-Fetch-Site` rely on the token.
    func refuseCrossSite(_ request: Request, _ language: Catalogue) -> Response? {
        guard let site = request.headers[.secFetchSite], site != "same-origin", site != "none" else {
            return nil
        }
        return notice(language, "cross_site", status: .forbidden, link: ("/", "back_to_form"))
    }

    /// The posted form: URL-encoded, or multipart when it carries files (the report form, the
    /// mailbox's file form), each with its own size limit.
    func formFields(_ request: Request) async throws -> PostedForm {
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
    static func fileErrorKey(_ failure: FieldError) -> String {
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
    static func groups(_ receipt: String) -> [ReceiptView.Group] {
        let parts = receipt.split(separator: "-").map(String.init)
        return parts.enumerated().map { ReceiptView.Group(text: $1, dash: $0 < parts.count - 1) }
    }

    static let withdrawnLink = (path: "/", label: "back_to_form")
    static let requestedLink = (path: "/mailbox", label: "back_to_mailbox")

    /// A notice page, padded as the mailbox pages are (to `size` when that is larger).
    func notice(
        _ language: Catalogue, _ key: String, status: HTTPResponse.Status,
        link: (path: String, label: String), size: Int = 0
    ) -> Response {
        pages.renderPadded(
            "notice", status: status, language: language, path: link.path, settings: services.settings,
            page: pages.noticeView(language, key, link: link), size: size)
    }

    func noticeSize(_ language: Catalogue, _ key: String, link: (path: String, label: String)) -> Int {
        pages.html(
            "notice", language: language, path: link.path, settings: services.settings,
            page: pages.noticeView(language, key, link: link)
        ).utf8.count
    }

}
