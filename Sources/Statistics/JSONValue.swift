/// A JSON value as RFC 8785 sees it: what a signature over statistics covers. Numbers are IEEE 754
/// doubles, as in JCS; integers up to 2^53 − 1 are exact, and the parser refuses integer literals
/// beyond that rather than silently rounding them (see `JSONValue(parsing:)`). Objects are
/// unordered: canonical serialisation sorts their members.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}
