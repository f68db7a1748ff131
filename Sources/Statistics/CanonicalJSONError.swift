/// Why bytes could not be read as JSON, or a value could not be written canonically.
public enum CanonicalJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not JSON this module accepts; the reason names the byte offset.
    case malformed(String)
    /// NaN and the infinities have no JSON form; RFC 8785 requires refusing them.
    case nonFiniteNumber
    /// A value could not be encoded to JSON in the first place (its `Encodable` conformance threw).
    case unencodable(String)

    /// The reason alone, without the "malformed JSON" prefix, for messages that say what was read.
    public var reason: String {
        switch self {
        case .malformed(let reason): reason
        case .nonFiniteNumber, .unencodable: description
        }
    }

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed JSON: \(reason)"
        case .nonFiniteNumber: "NaN and Infinity cannot be serialised"
        case .unencodable(let reason): "the value cannot be encoded as JSON: \(reason)"
        }
    }
}
