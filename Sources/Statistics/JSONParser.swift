/// A strict RFC 8259 reader producing `JSONValue`s, written out by hand rather than over
/// `JSONSerialization` so that what a signature is checked against is exactly what the bytes say:
/// duplicate member names, invalid UTF-8, lone surrogates and integer literals a double cannot hold
/// are refused instead of being resolved one way here and another way by the next reader.
struct JSONParser {
    /// Deep enough for any statistics file (which nests six levels), shallow enough that a hostile
    /// file cannot exhaust the stack.
    static let maximumDepth = 64
    /// Number.MAX_SAFE_INTEGER: the largest integer every double-based JSON reader holds exactly.
    static let largestExactInteger: UInt64 = (1 << 53) - 1

    private let bytes: [UInt8]
    private var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads one value filling the whole input (whitespace around it allowed).
    mutating func parseDocument() throws(CanonicalJSONError) -> JSONValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected content after the value") }
        return value
    }

    private func fail(_ reason: String) -> CanonicalJSONError {
        .malformed("\(reason) at byte \(index)")
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(CanonicalJSONError) {
        guard current == byte else { throw fail("expected \(what)") }
        index += 1
    }

    private mutating func parseValue(depth: Int) throws(CanonicalJSONError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw fail("nested deeper than \(Self.maximumDepth) levels") }
        guard let byte = current else { throw fail("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character")
        }
    }

    private mutating func parseLiteral(_ word: StaticString) throws(CanonicalJSONError) {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
            throw fail("invalid literal")
        }
        index += count
    }

    private mutating func parseObject(depth: Int) throws(CanonicalJSONError) -> JSONValue {
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            let nameOffset = index
            let name = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            // Swift compares strings by canonical equivalence, so two names that differ only in
            // Unicode normalisation count as duplicates here too: refused, never merged.
            guard members.updateValue(value, forKey: name) == nil else {
                throw .malformed("duplicate member name \"\(name)\" at byte \(nameOffset)")
            }
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}' in an object")
            return .object(members)
        }
    }

    private mutating func parseArray(depth: Int) throws(CanonicalJSONError) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']' in an array")
            return .array(elements)
        }
    }

    private mutating func parseString() throws(CanonicalJSONError) -> String {
        index += 1
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else { throw fail("unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: utf8, as: UTF8.self) else {
                    throw fail("a string that is not valid UTF-8 ends")
                }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                try appendEscape(to: &utf8)
            case 0x00..<0x20:
                throw fail("unescaped control character in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
    }

    private mutating func appendEscape(to utf8: inout [UInt8]) throws(CanonicalJSONError) {
        guard let byte = current else { throw fail("unterminated escape") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHexUnit()
            let scalarValue: UInt32
            switch unit {
            case 0xD800...0xDBFF:
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("a high surrogate escape without its low surrogate")
                }
                index += 2
                let low = try parseHexUnit()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("a high surrogate escape without its low surrogate") }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            case 0xDC00...0xDFFF:
                throw fail("a lone low surrogate escape")
            default:
                scalarValue = UInt32(unit)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw fail("an escape that is no Unicode scalar") }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw fail("unknown escape")
        }
    }

    private mutating func parseHexUnit() throws(CanonicalJSONError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var unit: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            unit = unit << 4 | UInt16(digit)
        }
        index += 4
        return unit
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    private mutating func parseNumber() throws(CanonicalJSONError) -> Double {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        if current == UInt8(ascii: "0") {
            index += 1
        } else if skipDigits() == 0 {
            throw fail("a number needs digits")
        }
        let integerDigits = bytes[integerStart..<index]
        var isInteger = true
        if current == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard skipDigits() > 0 else { throw fail("a fraction needs digits") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw fail("an exponent needs digits") }
        }
        if isInteger {
            // Past 2^53 a double cannot tell neighbouring integers apart: 9007199254740993 would be
            // signed as 9007199254740992 while an integer reader sees …993. Refused (RFC 7493 range).
            var magnitude: UInt64 = 0
            for digit in integerDigits {
                magnitude = magnitude * 10 + UInt64(digit - UInt8(ascii: "0"))
                guard magnitude <= Self.largestExactInteger else {
                    throw .malformed("integer beyond ±(2^53 − 1) at byte \(start)")
                }
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw .malformed("number out of the range of a double at byte \(start)")
        }
        return value
    }
}
