import Foundation
import Yams

/// The strings of one UI language, from `Templates/i18n/<code>.yaml`. German is the reference:
/// a key missing elsewhere falls back to German, so another language can slot in piece by piece.
public struct Catalogue: Sendable {
    public let code: String
    /// The language's own name, for the language chooser.
    public let name: String
    /// `ltr` or `rtl`.
    public let direction: String
    public let strings: [String: String]

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
              let strings = root["strings"]?.mapping else {
            throw CatalogueError(file: file.path, problem: "needs meta.name and a strings mapping")
        }
        var table: [String: String] = [:]
        for (key, value) in strings {
            guard let key = key.string, let value = value.string else {
                throw CatalogueError(file: file.path, problem: "line \(value.mark?.line ?? 0): every string must be text")
            }
            table[key] = value
        }
        let direction = meta["dir"]?.string ?? "ltr"
        guard direction == "ltr" || direction == "rtl" else {
            throw CatalogueError(file: file.path, problem: "meta.dir must be ltr or rtl")
        }
        return Catalogue(code: code, name: name, direction: direction, strings: table)
    }

    func fillingGaps(from reference: Catalogue) -> Catalogue {
        Catalogue(code: code, name: name, direction: direction,
                  strings: strings.merging(reference.strings) { own, _ in own })
    }

    public subscript(key: String) -> String { strings[key] ?? key }
}

public struct CatalogueError: Error, CustomStringConvertible {
    public let file: String
    public let problem: String
    public var description: String { "\(file): \(problem)" }
}
