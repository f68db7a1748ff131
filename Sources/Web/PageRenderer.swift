import Casework
import Foundation
import Hummingbird
import Intake
import Mustache
import NIOCore

/// Renders the server-side pages from `Templates/web` with the strings of the chosen language.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    public let catalogues: [String: Catalogue]
    let stylesheet: [UInt8]
    /// German: always present, `Catalogue.loadAll` refuses a folder without it.
    let reference: Catalogue
    /// The printable annual report (`Templates/reports`), served at `/report`.
    public let report: ReportTemplate
    /// The OpenAPI document (`Templates/api/openapi.yaml`), served as it is at `/openapi.yaml`:
    /// one file, the single description of the API that tests and schemathesis hold the server to.
    public let apiDocument: String

    /// Loads templates, catalogues and the stylesheet from the templates directory.
    public static func load(templates: URL) async throws -> PageRenderer {
        let web = templates.appendingPathComponent("web")
        let library = try await MustacheLibrary(directory: web.path)
        let catalogues = try Catalogue.loadAll(from: templates.appendingPathComponent("i18n"))
        let stylesheet = try [UInt8](Data(contentsOf: web.appendingPathComponent("static/style.css")))
        for required in [
            "index", "receipt", "mailbox", "offices", "notice", "login", "enrol", "account", "members", "audit", "member_notice", "cases",
            "case", "case_new", "deadlines", "team", "case_file", "letter_edit", "statistics",
        ] where library.getTemplate(named: required) == nil {
            throw CatalogueError(file: web.path, problem: "template \(required).mustache is missing")
        }
        guard let reference = catalogues[Catalogue.reference] else {
            throw CatalogueError(file: templates.path, problem: "no German catalogue")
        }
        let report = try ReportTemplate.load(templates: templates)
        let documentFile = templates.appendingPathComponent("api/openapi.yaml")
        guard let apiDocument = try? String(contentsOf: documentFile, encoding: .utf8) else {
            throw CatalogueError(file: documentFile.path, problem: "the OpenAPI document is missing or not UTF-8")
        }
        return PageRenderer(
            library: library, catalogues: catalogues, stylesheet: stylesheet, reference: reference, report: report, apiDocument: apiDocument
        )
    }

    /// The language of a reporter page: `?lang=` when it names a catalogue, else the first
    /// catalogue `Accept-Language` asks for, else German.
    func language(of request: Request) -> Catalogue {
        choose(request, among: catalogues)
    }

    /// The language of a member page: German or English (the catalogues with member pages).
    func memberLanguage(of request: Request) -> Catalogue {
        choose(request, among: catalogues.filter { $0.value.hasMemberPages })
    }

    private func choose(_ request: Request, among offered: [String: Catalogue]) -> Catalogue {
        if let code = request.uri.queryParameters["lang"].map(String.init), let catalogue = offered[code] {
            return catalogue
        }
        let codes = offered.keys.sorted { Self.order($0) < Self.order($1) }
        if let code = AcceptLanguage.choose(request.headers[.acceptLanguage], among: codes), let catalogue = offered[code] {
            return catalogue
        }
        return reference
    }

    /// The templates of the reporter pages: their language chooser offers every catalogue,
    /// the member pages' only those with member pages.
    static let reporterTemplates: Set<String> = ["index", "receipt", "mailbox", "offices", "notice", "privacy"]

    /// A full page: layout values, strings, language chooser, then the page's own values.
    func render(
        _ template: String, status: HTTPResponse.Status = .ok, language: Catalogue, path: String,
        settings: WebSettings, page: Any
    ) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept-Language"],
            body: .init(
                byteBuffer: ByteBuffer(
                    string: html(
                        template, language: language, path: path, settings: settings,
                        page: page))))
    }

    /// A page padded like the mailbox's JSON answers: to the next whole block, or to `size`
    /// when that is larger (two answers that must not be told apart by their size).
    func renderPadded(
        _ template: String, status: HTTPResponse.Status = .ok, language: Catalogue, path: String,
        settings: WebSettings, page: Any, size: Int = 0
    ) -> Response {
        var bytes = Array(html(template, language: language, path: path, settings: settings, page: page).utf8)
        ResponsePadding.pad(&bytes, to: max(size, ResponsePadding.target(bytes.count)))
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .vary: "Accept-Language"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page's HTML: the page's view model over the layout every page shares.
    func html(_ template: String, language: Catalogue, path: String, settings: WebSettings, page: Any) -> String {
        let layout = PageLayout(
            lang: language.code, dir: language.direction, t: language.strings, quickExitURL: settings.quickExitURL,
            languages: catalogues.values.filter { Self.reporterTemplates.contains(template) || $0.hasMemberPages }
                .sorted { Self.order($0.code) < Self.order($1.code) }.map { catalogue in
                    // A path may carry its own query (the privacy notice's office); the language joins it.
                    PageLayout.LanguageChoice(
                        code: catalogue.code, name: catalogue.name,
                        url: "\(path)\(path.contains("?") ? "&" : "?")lang=\(catalogue.code)",
                        current: catalogue.code == language.code)
                },
            q: "?lang=\(language.code)")
        return library.render(ViewLayers(page, layout), withTemplate: template)
            ?? "<!doctype html><title>Sichtbar</title><p>template error"
    }

    /// The view of the `notice` page: `<key>_title` as title and heading, `<key>_text`, and a
    /// link back (`label` is a catalogue key) in the same language.
    func noticeView(_ language: Catalogue, _ key: String, link: (path: String, label: String)) -> NoticeView {
        NoticeView(
            title: language["\(key)_title"], heading: language["\(key)_title"], text: language["\(key)_text"],
            linkURL: "\(link.path)?lang=\(language.code)", linkText: language[link.label])
    }

    /// Languages in the order of CONTRACT.md.
    static func order(_ code: String) -> Int {
        ReportValidator.languages.firstIndex(of: code) ?? ReportValidator.languages.count
    }
}
