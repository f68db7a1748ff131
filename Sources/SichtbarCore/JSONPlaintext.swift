/// A record's plaintext that writes its own JSON: intake seals every report, and `JSONEncoder`
/// was 4 % of the intake profile and left an unwiped copy of the narrative in a `Data` it
/// allocated. It writes the JSON object `JSONEncoder()` writes for the same value (the same keys
/// and escapes; a test compares them), so records written either way open alike.
public protocol JSONPlaintext {
    /// The fields in `JSONEncoder`'s order (declaration order), absent optionals left out.
    func writeJSON(to writer: inout JSONPlaintextWriter)
}

/// Writes one flat JSON object into a buffer reserved up front at its final size, so growing it
/// never leaves a partial copy behind in freed memory; the caller wipes `bytes`.
public struct JSONPlaintextWriter {
    public private(set) var bytes: [UInt8] = []
    private var first = true

    /// Writes `value`'s object: a counting pass, then the writing pass into exactly that much room.
    public static func bytes(of value: some JSONPlaintext) -> [UInt8] {
        var counter = JSONPlaintextWriter(counting: true, capacity: 0)
        value.writeJSON(to: &counter)
        counter.close()
        var writer = JSONPlaintextWriter(counting: false, capacity: counter.count)
        value.writeJSON(to: &writer)
        writer.close()
        return writer.bytes
    }

    private let counting: Bool
    private var count = 0

    private init(counting: Bool, capacity: Int) {
        self.counting = counting
        bytes.reserveCapacity(capacity)
        put(UInt8(ascii: "{"))
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        put(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { put(UInt8(ascii: ",")) }
            string(value)
        }
        put(UInt8(ascii: "]"))
    }

    private mutating func close() {
        put(UInt8(ascii: "}"))
    }

    private mutating func key(_ name: StaticString) {
        if !first { put(UInt8(ascii: ",")) }
        first = false
        put(UInt8(ascii: "\""))
        name.withUTF8Buffer { for byte in $0 { put(byte) } }
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
    }

    /// `JSONEncoder`'s escaping: quote, backslash and slash escaped; the five short control
    /// escapes; other control characters as `\u00XX` in lower-case hex; everything else as UTF-8.
    private mutating func string(_ text: String) {
        put(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): put(UInt8(ascii: "\\"), UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"), UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): put(UInt8(ascii: "\\"), UInt8(ascii: "/"))
            case 0x08: put(UInt8(ascii: "\\"), UInt8(ascii: "b"))
            case 0x0C: put(UInt8(ascii: "\\"), UInt8(ascii: "f"))
            case 0x0A: put(UInt8(ascii: "\\"), UInt8(ascii: "n"))
            case 0x0D: put(UInt8(ascii: "\\"), UInt8(ascii: "r"))
            case 0x09: put(UInt8(ascii: "\\"), UInt8(ascii: "t"))
            case 0x00..<0x20:
                put(UInt8(ascii: "\\"), UInt8(ascii: "u"))
                put(UInt8(ascii: "0"), UInt8(ascii: "0"))
                put(Self.hexDigit(byte >> 4), Self.hexDigit(byte & 0x0F))
            default: put(byte)
            }
        }
        put(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private mutating func put(_ byte: UInt8) {
        if counting { count += 1 } else { bytes.append(byte) }
    }

    private mutating func put(_ first: UInt8, _ second: UInt8) {
        put(first)
        put(second)
    }
}
