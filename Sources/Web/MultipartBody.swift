import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `multipart/form-data` body (RFC 7578): its text fields and its files (the report form, the
/// mailbox and the case page send them). Only what a browser
/// form sends is understood: `Content-Disposition: form-data` parts, each a field or a file. A
/// file input left empty (no file name, no bytes) is not a file. The client's file name and
/// Content-Type are read and dropped: the type comes from the file's own bytes later.
struct MultipartBody {
    var fields: FormFields
    /// The files, in the order sent, with the form field they came in.
    var files: [(field: String, bytes: [UInt8])]

    /// The boundary of a `multipart/form-data` Content-Type, or nil for any other type.
    static func boundary(of contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value =
                pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2 ? String(pair[1].dropFirst().dropLast()) : pair[1]
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Nil when the body is not a well-formed multipart body with this boundary, or a field is
    /// not UTF-8.
    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
        guard var cursor = Self.find(delimiter, in: body, from: 0),
            cursor == 0 || (cursor >= 2 && body[cursor - 2] == 13 && body[cursor - 1] == 10)
        else { return nil }
        var pairs: [(name: String, value: String)] = []
        var files: [(field: String, bytes: [UInt8])] = []
        while true {
            cursor += delimiter.count
            // "--" after the delimiter closes the body; otherwise a line break opens a part.
            if cursor + 1 < body.count, body[cursor] == 45, body[cursor + 1] == 45 { break }
            guard cursor + 1 < body.count, body[cursor] == 13, body[cursor + 1] == 10 else { return nil }
            let headersStart = cursor + 2
            guard let headersEnd = Self.find(headerEnd, in: body, from: headersStart),
                let next = Self.find(separator, in: body, from: headersEnd + 4),
                let headers = String(validating: body[headersStart..<headersEnd], as: UTF8.self),
                let disposition = Self.disposition(headers), let name = disposition["name"]
            else { return nil }
            let content = Array(body[(headersEnd + 4)..<next])
            if let fileName = disposition["filename"] {
                if !(fileName.isEmpty && content.isEmpty) { files.append((name, content)) }
            } else {
                guard let value = String(validating: content, as: UTF8.self) else { return nil }
                pairs.append((name, value))
            }
            cursor = next + 2
        }
        fields = FormFields(pairs: pairs)
        self.files = files
    }

    /// The parameters of the part's `Content-Disposition: form-data` header.
    static func disposition(_ headers: String) -> [String: String]? {
        for line in headers.split(separator: "\r\n") {
            let header = line.split(separator: ":", maxSplits: 1)
            guard header.count == 2, header[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-disposition" else { continue }
            var parameters: [String: String] = [:]
            var rest = Substring(header[1])
            // Split on ";" outside quotes; a quoted value may hold ";" (a file name).
            var parts: [Substring] = []
            var start = rest.startIndex
            var quoted = false
            for index in rest.indices {
                if rest[index] == "\"" { quoted.toggle() }
                if rest[index] == ";" && !quoted {
                    parts.append(rest[start..<index])
                    start = rest.index(after: index)
                }
            }
            parts.append(rest[start...])
            rest = ""
            guard parts.first?.trimmingCharacters(in: .whitespaces).lowercased() == "form-data" else { return nil }
            for part in parts.dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1)
                guard pair.count == 2 else { continue }
                var value = pair[1].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                parameters[pair[0].trimmingCharacters(in: .whitespaces).lowercased()] = value
            }
            return parameters
        }
        return nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start` (memchr for its first byte,
    /// memcmp for the rest: a 50 MiB body is searched in milliseconds).
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard start >= 0, !needle.isEmpty else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, let pinBase = pin.baseAddress else { return nil }
                var offset = start
                while offset + pin.count <= hay.count {
                    guard let hit = memchr(base + offset, Int32(needle[0]), hay.count - pin.count + 1 - offset) else { return nil }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + position, pinBase, pin.count) == 0 { return position }
                    offset = position + 1
                }
                return nil
            }
        }
    }
}
