/// Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand survives.
public enum CrockfordBase32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// The 5-bit value of a symbol, tolerating lower case and the look-alikes O→0, I/L→1.
    static func value(of character: Character) -> UInt8? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return ascii - UInt8(ascii: "0")
        case UInt8(ascii: "o"), UInt8(ascii: "O"): return 0
        case UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"): return 1
        default:
            let upper = (ascii >= UInt8(ascii: "a") && ascii <= UInt8(ascii: "z")) ? ascii - 32 : ascii
            guard let index = alphabet.firstIndex(of: Character(UnicodeScalar(upper))) else { return nil }
            return UInt8(index)
        }
    }

    /// Bytes (a multiple of five) as symbols, big-endian, for identifiers that are not secret
    /// (case references). Secrets go through `SymbolCode`, which keeps them in wiping memory.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        var accumulator: UInt64 = 0
        var bits = 0
        for byte in bytes {
            accumulator = (accumulator << 8) | UInt64(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                text.append(alphabet[Int((accumulator >> UInt64(bits)) & 0x1f)])
            }
        }
        if bits > 0 { text.append(alphabet[Int((accumulator << UInt64(5 - bits)) & 0x1f)]) }
        return text
    }

    /// The 5-bit values of the symbols of `text`, skipping spaces and dashes and tolerating case
    /// and look-alikes; nil when a character is not a symbol or there are more than `atMost`.
    public static func values(_ text: String, atMost: Int) -> [UInt8]? {
        var values: [UInt8] = []
        for character in text where !(character == "-" || character.isWhitespace) {
            guard values.count < atMost, let value = value(of: character) else { return nil }
            values.append(value)
        }
        return values
    }

    /// `symbols` symbols (a multiple of eight) read back into bytes, skipping spaces and dashes
    /// and tolerating case and look-alikes; nil for anything else.
    public static func decode(_ text: String, symbols: Int) -> [UInt8]? {
        var values: [UInt8] = []
        for character in text where !(character == "-" || character.isWhitespace) {
            guard values.count < symbols, let value = value(of: character) else { return nil }
            values.append(value)
        }
        guard values.count == symbols, symbols % 8 == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: symbols * 5 / 8)
        values.withUnsafeBytes { source in bytes.withUnsafeMutableBytes { pack(source, into: $0) } }
        return bytes
    }

    /// 5-bit values packed big-endian into `target` (`(count * 5 + 7) / 8` bytes), the last
    /// byte zero-filled. Works on borrowed memory, so secret codes never leave wiping memory.
    static func pack(_ values: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) {
        var accumulator: UInt32 = 0
        var bits = 0
        var out = 0
        for value in values {
            accumulator = (accumulator << 5) | UInt32(value & 0x1f)
            bits += 5
            while bits >= 8 {
                bits -= 8
                target[out] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                out += 1
            }
        }
        if bits > 0 { target[out] = UInt8(truncatingIfNeeded: accumulator << UInt32(8 - bits)) }
        accumulator = 0
    }
}
