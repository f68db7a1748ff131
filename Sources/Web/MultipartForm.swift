/// The fields of a `multipart/form-data` body (RFC 7578), as a browser sends a form with a file
/// input without JavaScript. Only what the upload form needs: each part's `name` and its bytes;
/// a part's own Content-Type and file name are ignored (the scan's type is read from its bytes,
/// and a file name can say who someone is).
struct MultipartForm {
    private(set) var parts: [String: [UInt8]] = [:]

    subscript(name: String) -> [UInt8]? { parts[name] }

    /// The boundary of a `multipart/form-data` Content-Type, or nil for anything else.
    static func boundary(of contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Parses `body`; nil when it is not well-formed multipart with this boundary.
    init?(_ body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard body.starts(with: delimiter) else { return nil }
        var position = delimiter.count
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { return }
            guard body[position...].starts(with: [0x0D, 0x0A]) else { return nil }
            position += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position),
                  let end = Self.find(separator, in: body, from: headerEnd + 4) else { return nil }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            if let name = Self.name(in: headers) { parts[name] = Array(body[(headerEnd + 4)..<end]) }
            position = end + separator.count
        }
    }

    /// The `name` of the part's Content-Disposition header.
    static func name(in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            for parameter in line.split(separator: ";").dropFirst() {
                let pair = parameter.trimmingCharacters(in: .whitespaces)
                guard pair.hasPrefix("name=\"") && pair.hasSuffix("\"") && pair.count > 7 else { continue }
                return String(pair.dropFirst(6).dropLast())
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
