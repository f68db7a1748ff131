import Foundation
import Mustache
import Sealing

/// The printable report's template (`Templates/reports/annual.mustache` and its partials), its
/// stylesheet (`annual.css`, inlined so the saved file stands alone) and the catalogues, read
/// from the templates directory at run time. The page's Content-Security-Policy allows that one
/// inline stylesheet by its hash and nothing else.
public struct ReportTemplate: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    let catalogues: [String: Catalogue]
    /// The policy a served report carries: no script, no images, no forms, the stylesheet by hash.
    let contentSecurityPolicy: String

    /// Loads `reports/*.mustache`, `reports/annual.css` and `i18n/*.yaml` from `templates`.
    public static func load(templates: URL) throws -> ReportTemplate {
        let folder = templates.appendingPathComponent("reports")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw CatalogueError(file: folder.path, problem: "the report templates cannot be read")
        }
        var parsed: [String: MustacheTemplate] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                parsed[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: String(contentsOf: url, encoding: .utf8))
            } catch {
                throw CatalogueError(file: url.path, problem: "the report template cannot be read or parsed: \(error)")
            }
        }
        guard parsed["annual"] != nil else { throw CatalogueError(file: folder.path, problem: "template annual.mustache is missing") }
        let cssURL = folder.appendingPathComponent("annual.css")
        let stylesheet: String
        do {
            stylesheet = try String(contentsOf: cssURL, encoding: .utf8)
        } catch {
            throw CatalogueError(file: cssURL.path, problem: "the report stylesheet cannot be read")
        }
        let catalogues = try Catalogue.loadAll(from: templates.appendingPathComponent("i18n"))
        let hash = "sha256-" + Data(FileDigest.sha256(Array(stylesheet.utf8))).base64EncodedString()
        let policy = [
            "default-src 'none'", "style-src '\(hash)'", "img-src 'none'", "form-action 'none'",
            "frame-ancestors 'none'", "base-uri 'none'",
        ].joined(separator: "; ")
        return ReportTemplate(
            library: MustacheLibrary(templates: parsed), stylesheet: stylesheet, catalogues: catalogues,
            contentSecurityPolicy: policy)
    }

    /// The catalogue of `language`, else German.
    func catalogue(_ language: String) -> Catalogue? { catalogues[language] ?? catalogues[Catalogue.reference] }
}
