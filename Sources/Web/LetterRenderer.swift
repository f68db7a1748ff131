import Casework
import Foundation
import Mustache

/// The letter templates of `Templates/letters/` (German), rendered with Mustache: every value
/// goes through `{{ }}` and is HTML-escaped. Values the case does not know are left out of the
/// context, so the template's visible `[[ … ]]` placeholder appears (Mustache treats an empty
/// string as present). The subject line (`title`) is never filled: the counsellor writes it.
public struct LetterRenderer: LetterComposer {
    let library: [String: MustacheTemplate]
    public let templates: [String]

    /// Loads every `*.mustache` file of the directory; a template that does not parse stops the start.
    public static func load(directory: URL) throws -> LetterRenderer {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw CatalogueError(file: directory.path, problem: "the letter templates cannot be read")
        }
        var library: [String: MustacheTemplate] = [:]
        for name in names {
            let url = directory.appendingPathComponent(name)
            do {
                library[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: String(contentsOf: url, encoding: .utf8))
            } catch {
                throw CatalogueError(file: url.path, problem: "the letter template cannot be read or parsed: \(error)")
            }
        }
        guard !library.isEmpty else { throw CatalogueError(file: directory.path, problem: "no letter templates (*.mustache)") }
        return LetterRenderer(library: library, templates: library.keys.sorted())
    }

    public func compose(_ template: String, values: LetterValues) -> String? {
        library[template]?.render(Self.context(values))
    }

    /// The Mustache context: known values only.
    static func context(_ values: LetterValues) -> LetterContext {
        // An empty value is as unknown as a missing one: the placeholder stays.
        func known(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        // Which legal paragraphs the template offers: those of the case's fields, or all when none is known.
        let fields = Set(values.legalFields ?? [])
        let unknown = values.legalFields == nil
        return LetterContext(
            office: LetterContext.Office(
                name: known(values.officeName), address: known(values.officeAddress), phone: known(values.officePhone),
                email: known(values.officeEmail)),
            date: known(values.date), place: known(values.place), reference: known(values.reference),
            counterpart: known(values.counterpart), person: known(values.person), counsellor: known(values.counsellor),
            incidentDate: known(values.incidentDate),
            legal: LetterContext.Legal(
                known: !unknown,
                employment: unknown || fields.contains("beschaeftigung"),
                civil: unknown || fields.contains("zivilrecht"),
                agg: unknown || fields.contains("beschaeftigung") || fields.contains("zivilrecht"),
                publicLaw: unknown || fields.contains("oeffentliches_recht")))
    }
}
