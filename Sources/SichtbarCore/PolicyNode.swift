import Foundation
import Yams

/// A YAML node that remembers its file and position, so every policy problem names its line.
public struct PolicyNode {
    package let node: Node
    package let file: String

    package init(node: Node, file: String) {
        self.node = node
        self.file = file
    }

    /// A policy file's text; an unreadable file is a policy problem naming the file.
    public static func text(at url: URL) throws -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PolicyError(file: url.path, line: nil, problem: "cannot be read as UTF-8 text (\(error.localizedDescription))")
        }
    }

    public static func parse(_ text: String, file: String) throws -> PolicyNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyError(file: file, line: nil, problem: "the file is empty")
            }
            return PolicyNode(node: node, file: file)
        } catch let error as PolicyError {
            throw error
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        }
    }

    package var line: Int? { node.mark?.line }
    package var column: Int? { node.mark?.column }

    public func error(_ problem: String) -> PolicyError {
        PolicyError(file: file, line: line, column: column, problem: problem)
    }

    /// The mapping's entries in file order; fails naming the line when this is not a mapping.
    public func entries(_ what: String) throws -> [(key: String, keyNode: PolicyNode, value: PolicyNode)] {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping") }
        var result: [(key: String, keyNode: PolicyNode, value: PolicyNode)] = []
        var seen = Set<String>()
        for (key, value) in mapping {
            let keyNode = PolicyNode(node: key, file: file)
            guard let name = key.string else { throw keyNode.error("\(what) has a key that is not text") }
            guard seen.insert(name).inserted else { throw keyNode.error("\(what) repeats the key '\(name)'") }
            result.append((name, keyNode, PolicyNode(node: value, file: file)))
        }
        return result
    }

    public func optional(_ key: String) -> PolicyNode? {
        node.mapping?[key].map { PolicyNode(node: $0, file: file) }
    }

    public func required(_ key: String, in what: String) throws -> PolicyNode {
        guard node.mapping != nil else { throw error("\(what) must be a mapping") }
        guard let child = optional(key) else { throw error("\(what) lacks '\(key)'") }
        return child
    }

    public func string(_ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error("\(what) must be text") }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw error("\(what) is empty") }
        return text
    }

    public func bool(_ what: String) throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw error("\(what) must be true or false") }
        return value
    }

    /// The nodes of a list, each keeping its position for errors.
    public func elements(_ what: String) throws -> [PolicyNode] {
        guard case .sequence(let sequence) = node else { throw error("\(what) must be a list") }
        return sequence.map { PolicyNode(node: $0, file: file) }
    }

    public func strings(_ what: String) throws -> [String] {
        guard case .sequence(let sequence) = node else { throw error("\(what) must be a list") }
        return try sequence.map { try PolicyNode(node: $0, file: file).string("an entry of \(what)") }
    }

    /// The `labels` mapping of this node: one non-empty text per language, no other language.
    public func labels(in languages: [String], _ what: String) throws -> [String: String] {
        let node = try required("labels", in: what)
        var result: [String: String] = [:]
        for entry in try node.entries("the labels of \(what)") {
            guard languages.contains(entry.key) else {
                throw entry.keyNode.error("the labels of \(what) name '\(entry.key)', which is not in languages")
            }
            result[entry.key] = try entry.value.string("the \(entry.key) label of \(what)")
        }
        for language in languages where result[language] == nil {
            throw node.error("the labels of \(what) lack '\(language)'")
        }
        return result
    }

    /// Codes are lower-case ASCII snake_case: they end up in URLs, statistics and audit subjects.
    public func checkCode(_ code: String, what: String) throws {
        let first = code.unicodeScalars.first
        let valid =
            first.map { ("a"..."z").contains($0) } == true
            && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard valid else {
            throw error("\(what) '\(code)' is not lower-case snake_case ASCII")
        }
    }

    /// A whole number within `range`.
    public func integer(_ what: String, in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(try string(what)), range.contains(value) else {
            throw error("\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func describe(_ error: YamlError, file: String) -> PolicyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return PolicyError(file: file, line: mark.line, column: mark.column, problem: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PolicyError(
                file: file, line: context.mark.line, column: context.mark.column,
                problem: "YAML: repeated key \(duplicates.joined(separator: ", "))")
        default:
            return PolicyError(file: file, line: nil, problem: "YAML: \(error)")
        }
    }
}
