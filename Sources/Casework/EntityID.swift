import Foundation
import Sealing

/// A random 128-bit id for offices, cases and records: row order and ids reveal nothing.
public struct EntityID: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let byteCount = 16
    public let bytes: [UInt8]

    /// A fresh random id.
    public static func random() -> EntityID {
        EntityID(validBytes: Sodium.randomBytes(byteCount))
    }

    private init(validBytes: [UInt8]) {
        self.bytes = validBytes
    }

    /// An id from its 16 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.byteCount else { return nil }
        self.bytes = bytes
    }

    /// An id from its 32 lower-case hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == Self.byteCount * 2 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = Self.nibble(high), let l = Self.nibble(low) else { return nil }
            bytes.append(h << 4 | l)
        }
        self.bytes = bytes
    }

    public var hex: String { Self.hexString(bytes) }

    /// Lower-case hex of any bytes (hashes, references).
    public static func hexString(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { hex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = EntityID(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a 32-digit hex id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
