/// An `application/x-www-form-urlencoded` body, with repeated names kept (checkbox groups).
struct FormFields {
    private(set) var pairs: [(name: String, value: String)] = []

    /// Fields already decoded (from a multipart body).
    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// Nil when the body is not valid percent-encoded UTF-8.
    init?(_ bytes: [UInt8]) {
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let pieces = part.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(pieces[0]),
                let value = pieces.count > 1 ? Self.decode(pieces[1]) : ""
            else { return nil }
            pairs.append((name, value))
        }
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    private static func decode(_ encoded: ArraySlice<UInt8>) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < encoded.endIndex,
                    let high = hex(encoded[index + 1]), let low = hex(encoded[index + 2])
                else { return nil }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
