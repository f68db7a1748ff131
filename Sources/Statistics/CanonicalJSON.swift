/// RFC 8785 JSON Canonicalization Scheme: the one byte sequence of a JSON value that signatures
/// are made over, so a file re-serialised by another tool (other whitespace, other member order,
/// `4.50` for `4.5`, `\u20ac` for `€`) still verifies, while any change of a value does not.
///
/// - Objects: members sorted by the UTF-16 code units of their names (not by Unicode scalars or
///   UTF-8 bytes: they differ above U+FFFF), no whitespace anywhere.
/// - Strings: only `"`, `\` and U+0000…U+001F are escaped; `\b \t \n \f \r` in their short form,
///   the other controls as `\u00xx` in lowercase hex; everything else as literal UTF-8, including
///   U+2028, U+2029, U+007F and all non-ASCII text.
/// - Numbers: ECMAScript's Number-to-String (see `number(_:)`); NaN and the infinities refused.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    public static func serialise(_ value: JSONValue) throws(CanonicalJSONError) -> [UInt8] {
        var output: [UInt8] = []
        try append(value, to: &output)
        return output
    }

    /// Reads JSON bytes strictly and writes them canonically.
    public static func canonicalise(_ bytes: [UInt8]) throws(CanonicalJSONError) -> [UInt8] {
        try serialise(JSONValue(parsing: bytes))
    }

    private static func append(_ value: JSONValue, to output: inout [UInt8]) throws(CanonicalJSONError) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number):
            guard let text = Self.number(number) else { throw .nonFiniteNumber }
            output.append(contentsOf: text.utf8)
        case .string(let string):
            appendString(string, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try append(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.map { (name: $0.key, units: Array($0.key.utf16), value: $0.value) }
                .sorted { $0.units.lexicographicallyPrecedes($1.units) }
            for (position, member) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                appendString(member.name, to: &output)
                output.append(UInt8(ascii: ":"))
                try append(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendString(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case 0x22: output.append(contentsOf: [0x5C, 0x22])
            case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20:
                output.append(contentsOf: [
                    0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                    hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)],
                ])
            default:
                // Multi-byte UTF-8 sequences never contain bytes below 0x80, so copying byte by
                // byte writes every other scalar literally.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
