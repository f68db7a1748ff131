import Foundation
import Yams

/// The strings of one UI language, from `Templates/i18n/<code>.yaml`. German is the reference.
/// `strings` are the reporter pages' (every language has them), `member_strings` the member
/// pages' (German and English only), `taxonomy` the labels of the codes a reporter sees in
/// languages `Policies/taxonomy.yaml` does not carry. A key missing at run time falls back to
/// German; `CatalogueTests` keep every catalogue complete.
public struct Catalogue: Sendable {
    public let code: String
    /// The language's own name, for the language chooser.
    public let name: String
    /// `ltr` or `rtl`.
    public let direction: String
    public let strings: [String: String]
    /// Labels of taxonomy codes by `facet.code`, where the taxonomy has none in this language.
    public let taxonomyLabels: [String: String]
    /// Whether the member pages speak this language (it has `member_strings`).
    public let hasMemberPages: Bool
    /// Who translated and reviewed the catalogue (`meta.review`), for translators.
    public let review: String

    public static let reference = "de"

    /// Loads every `*.yaml` in `directory`; fails naming the file and problem.
    public static func loadAll(from directory: URL) throws -> [String: Catalogue] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
        var catalogues: [String: Catalogue] = [:]
        for file in files {
            let catalogue = try load(file)
            catalogues[catalogue.code] = catalogue
        }
        guard let german = catalogues[reference] else {
            throw CatalogueError(file: directory.path, problem: "no \(reference).yaml, the reference catalogue")
        }
        for (code, catalogue) in catalogues where code != reference {
            catalogues[code] = catalogue.fillingGaps(from: german)
        }
        return catalogues
    }

    static func load(_ file: URL) throws -> Catalogue {
        let code = file.deletingPathExtension().lastPathComponent
        let text = try String(contentsOf: file, encoding: .utf8)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw CatalogueError(file: file.path, problem: "not valid YAML: \(error)")
        }
        guard let root = node?.mapping,
            let meta = root["meta"]?.mapping, let name = meta["name"]?.string,
            let strings = root["strings"]?.mapping
        else {
            throw CatalogueError(file: file.path, problem: "needs meta.name and a strings mapping")
        }
        let direction = meta["dir"]?.string ?? "ltr"
        guard direction == "ltr" || direction == "rtl" else {
            throw CatalogueError(file: file.path, problem: "meta.dir must be ltr or rtl")
        }
        let members = root["member_strings"]?.mapping
        var table = try texts(strings, file)
        if let members { table.merge(try texts(members, file)) { own, _ in own } }
        return Catalogue(
            code: code, name: name, direction: direction, strings: table,
            taxonomyLabels: try root["taxonomy"]?.mapping.map { try texts($0, file) } ?? [:],
            hasMemberPages: members != nil, review: meta["review"]?.string ?? "")
    }

    private static func texts(_ mapping: Node.Mapping, _ file: URL) throws -> [String: String] {
        var table: [String: String] = [:]
        for (key, value) in mapping {
            guard let key = key.string, let value = value.string else {
                throw CatalogueError(file: file.path, problem: "line \(value.mark?.line ?? 0): every string must be text")
            }
            table[key] = value
        }
        return table
    }

    func fillingGaps(from reference: Catalogue) -> Catalogue {
        Catalogue(
            code: code, name: name, direction: direction, strings: strings.merging(reference.strings) { own, _ in own },
            taxonomyLabels: taxonomyLabels, hasMemberPages: hasMemberPages, review: review)
    }

    public subscript(key: String) -> String { strings[key] ?? key }

    /// A string with its `{name}` placeholders filled in one pass, so a value that itself
    /// contains braces (an office's name) is never read as a placeholder. On a right-to-left
    /// page each value is a bidi isolate (FSI … PDI): a German citation or office name inside
    /// Arabic or Farsi keeps its own order instead of being scrambled by its digits and brackets.
    public func text(_ key: String, _ values: [String: String]) -> String {
        let isolate = direction == "rtl"
        let template = self[key]
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values[String(rest[rest.index(after: open)..<close])]
            else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += isolate ? "\u{2068}\(value)\u{2069}" : value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The label of a taxonomy code in this language: the catalogue's, else the taxonomy's own
    /// in this language, else German.
    public func label(facet: String, code: String, taxonomy labels: [String: String]) -> String {
        taxonomyLabels["\(facet).\(code)"] ?? labels[self.code] ?? labels[Self.reference] ?? code
    }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}
