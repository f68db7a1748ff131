/// Reads the binary classification format (`FacetPlaintext`) from decrypted bytes in place,
/// checking every length against what is left before reading it: a garbled plaintext ends in
/// `FacetPlaintextError`, never in a read past its end or a trap.
struct FacetBytesReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ bytes: UnsafeRawBufferPointer, from offset: Int) {
        self.bytes = bytes
        self.offset = min(max(offset, 0), bytes.count)
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// An unsigned LEB128 varint of at most four bytes (below 2^28), written minimally.
    mutating func varint() throws -> Int {
        var value = 0
        var shift = 0
        while true {
            guard offset < bytes.count, shift < 28 else { throw FacetPlaintextError.malformed(at: offset) }
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7f) << shift
            shift += 7
            if byte & 0x80 == 0 {
                // A last byte of zero after others would be a second encoding of a smaller value.
                guard byte != 0 || shift == 7 else { throw FacetPlaintextError.malformed(at: offset - 1) }
                return value
            }
        }
    }

    /// A count of items, each at least one byte long: more than the bytes left is impossible.
    mutating func count() throws -> Int {
        let count = try varint()
        guard count <= bytes.count - offset else { throw FacetPlaintextError.malformed(at: offset) }
        return count
    }

    mutating func string() throws -> String {
        let length = try varint()
        guard length <= bytes.count - offset else { throw FacetPlaintextError.malformed(at: offset) }
        let start = offset
        offset += length
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
        // Codes are ASCII: bytes below 0x80 are valid UTF-8 as they are, and the generic
        // validation costs more than the rest of the decoding. Anything else is validated.
        if text.allSatisfy({ $0 < 0x80 }) { return String(decoding: text, as: UTF8.self) }
        guard let value = String(validating: text, as: UTF8.self) else { throw FacetPlaintextError.malformed(at: start) }
        return value
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func optionalString() throws -> String? {
        guard offset < bytes.count else { throw FacetPlaintextError.malformed(at: offset) }
        let tag = bytes[offset]
        offset += 1
        switch tag {
        case 0: return nil
        case 1: return try string()
        default: throw FacetPlaintextError.malformed(at: offset - 1)
        }
    }
}
