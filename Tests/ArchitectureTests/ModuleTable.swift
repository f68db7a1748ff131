import Foundation

/// The module table of docs/architecture.md: `| module | layer | what it is | may import |`.
struct ModuleTable {
    struct Row {
        let layer: Int
        let imports: Set<String>
    }

    let rows: [String: Row]

    static func load(from url: URL) throws -> ModuleTable {
        let text = try String(contentsOf: url, encoding: .utf8)
        var rows: [String: Row] = [:]
        var inTable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 6, cells[1] == "module", cells[2] == "layer" {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard cells.count >= 6 else { break }
            if cells[1].hasPrefix("---") { continue }
            guard let layer = Int(cells[2]) else { throw TableError("\(cells[1]): layer '\(cells[2])' is not a number") }
            let imports = cells[4].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            rows[cells[1]] = Row(layer: layer, imports: Set(imports))
        }
        guard !rows.isEmpty else { throw TableError("no module table in \(url.path)") }
        return ModuleTable(rows: rows)
    }
}

struct TableError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The modules each Swift file of a source folder imports.
enum SourceImports {
    static func of(module: String, under root: URL) throws -> [(file: String, imports: [String])] {
        let folder = root.appendingPathComponent("Sources").appendingPathComponent(module)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var result: [(String, [String])] = []
        for case let path as String in walker where path.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            result.append(("\(module)/\(path)", parse(text)))
        }
        return result
    }

    /// `import X`, `@testable import X`, `@_exported import X`, `import struct X.Y`: the module X.
    static func parse(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            var words = line.split(separator: " ").map(String.init)
            while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
            guard words.first == "import", words.count >= 2 else { return nil }
            let target =
                words.count >= 3 && ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(words[1])
                ? words[2] : words[1]
            return String(target.split(separator: ".").first ?? "")
        }
    }
}

/// What Package.swift gives each target: the quoted target names and `.product(name:)` entries
/// of its `dependencies:`.
struct PackageManifest {
    let dependencies: [String: Set<String>]

    static func load(from url: URL) throws -> PackageManifest {
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [String: Set<String>] = [:]
        let starts = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var pieces: [Substring] = [text[...]]
        for start in starts {
            pieces = pieces.flatMap { piece -> [Substring] in
                let parts = piece.components(separatedBy: start)
                return [Substring(parts[0])] + parts.dropFirst().map { Substring(start + $0) }
            }
        }
        for piece in pieces where starts.contains(where: { piece.hasPrefix($0) }) {
            guard let name = firstMatch(#"name:\s*"([^"]+)""#, in: piece) else { continue }
            var declared = Set<String>()
            if let range = piece.range(of: "dependencies:") {
                let tail = piece[range.upperBound...]
                if let close = tail.firstIndex(of: "]") {
                    let list = tail[..<close]
                    let products = allMatches(#"\.product\(name:\s*"([^"]+)""#, in: list)
                    let targets = list.replacingOccurrences(of: #"\.product\([^)]*\)"#, with: "", options: .regularExpression)
                    declared.formUnion(products)
                    declared.formUnion(allMatches(#""([A-Za-z][A-Za-z0-9]*)""#, in: Substring(targets)))
                }
            }
            result[name] = declared
        }
        return PackageManifest(dependencies: result)
    }

    private static func firstMatch(_ pattern: String, in text: Substring) -> String? {
        allMatches(pattern, in: text).first
    }

    private static func allMatches(_ pattern: String, in text: Substring) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let string = String(text)
        return regex.matches(in: string, range: NSRange(string.startIndex..., in: string)).compactMap { match in
            Range(match.range(at: 1), in: string).map { String(string[$0]) }
        }
    }
}
