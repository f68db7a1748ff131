import Foundation
import OpenAPIRuntime

/// A value the server encodes from its own types, for a schema the document leaves open (a
/// case's timeline, a release's signed file). The generated types would hold such a schema as an
/// `OpenAPIObjectContainer`, which costs an encode, a decode into dynamic values and a second,
/// dynamic encode per answer (about 10 ms for a case with 200 timeline entries); this encodes
/// the value once, where the answer is written. Contract modules name it in `typeOverrides`.
public struct EncodedValue: Codable, Hashable, Sendable {
    private let value: any Encodable & Sendable

    public init(_ value: some Encodable & Sendable) {
        self.value = value
    }

    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }

    /// Only a client would decode one; it reads whatever JSON value is there.
    public init(from decoder: any Decoder) throws {
        value = try OpenAPIValueContainer(from: decoder)
    }

    /// Compared by the JSON they encode to, which is what the document promises about them.
    public static func == (lhs: EncodedValue, rhs: EncodedValue) -> Bool {
        lhs.json == rhs.json
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(json)
    }

    /// Sorted keys, so that two equal values compare equal by their bytes.
    private var json: Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try? encoder.encode(value)
    }
}
