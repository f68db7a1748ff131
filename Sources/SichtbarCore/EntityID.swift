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

    /// An id from its 32 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == Self.byteCount * 2, let bytes = Hex.decode(hex) else { return nil }
        self.bytes = bytes
    }

    public var hex: String { Hex.encode(bytes) }

    /// Lower-case hex of any bytes (hashes, references).
    public static func hexString(_ bytes: some Collection<UInt8>) -> String { Hex.encode(bytes) }

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
}
