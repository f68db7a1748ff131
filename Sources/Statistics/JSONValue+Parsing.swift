import Foundation

extension JSONValue {
    /// Reads JSON bytes strictly: one value, UTF-8 without a byte order mark, no duplicate member
    /// names, no lone surrogates, no integer literal beyond ±(2^53 − 1), nesting at most 64 deep.
    /// A verifier must refuse what two readers could understand differently, so these are errors
    /// rather than guesses.
    public init(parsing bytes: [UInt8]) throws(CanonicalJSONError) {
        var parser = JSONParser(bytes: bytes)
        self = try parser.parseDocument()
    }

    /// The JSON value an `Encodable` encodes to (through `JSONEncoder`), for signing a value as
    /// it will be written.
    public init(encoding value: some Encodable) throws(CanonicalJSONError) {
        let data: Data
        do {
            data = try JSONEncoder().encode(value)
        } catch {
            throw .unencodable(String(describing: error))
        }
        try self.init(parsing: [UInt8](data))
    }

    /// The member `name` of an object, or nil for a missing member or a value that is no object.
    public subscript(member name: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members[name]
    }
}
