import Foundation

/// The plaintext of a sealed classification in its two formats. Classifications were first
/// sealed as JSON (`{` first); a release opens every classification of an office, and decoding
/// JSON was most of that time (docs/benchmark.md, issue 18), so they are now written in a compact
/// binary form behind a leading format byte. JSON ones still open and are rewritten in binary at
/// their case's next change; no migration touches them.
///
/// Binary, format byte 1, then (a string is a varint byte count and UTF-8; a list a varint count
/// and its items; an optional a byte 0 or 1 and, for 1, its value):
/// taxonomy, month, kind, codes (a list of facet key, list of codes; keys in ascending byte order),
/// flags, region?, closedMonth?, outcome?, interventions. Nothing may follow.
public enum FacetPlaintext {
    /// The leading byte of the binary format.
    public static let binaryFormat: UInt8 = 1
    /// The leading byte of JSON plaintexts (`{`).
    static let jsonFormat = UInt8(ascii: "{")

    /// The binary plaintext of `classification`. The caller wipes it after sealing.
    public static func binary(_ classification: CaseClassification) -> [UInt8] {
        var bytes: [UInt8] = [binaryFormat]
        bytes.reserveCapacity(160)
        func string(_ value: String) {
            varint(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }
        func varint(_ value: Int) {
            var rest = UInt(value)
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }
        func list(_ values: [String]) {
            varint(values.count)
            values.forEach(string)
        }
        func optional(_ value: String?) {
            guard let value else { return bytes.append(0) }
            bytes.append(1)
            string(value)
        }
        string(classification.taxonomy)
        string(classification.month)
        string(classification.kind)
        // Dictionaries have no order of their own; sorted keys give one encoding per classification.
        let keys = classification.codes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        varint(keys.count)
        for key in keys {
            string(key)
            list(classification.codes[key] ?? [])
        }
        list(classification.flags)
        optional(classification.region)
        optional(classification.closedMonth)
        optional(classification.outcome)
        list(classification.interventions)
        return bytes
    }

    /// Decodes either format. Anything else, and any binary plaintext that is cut short, has
    /// bytes left over, or holds invalid UTF-8, a repeated facet key or an impossible length, is
    /// refused with `FacetPlaintextError`: the reader never reads outside `bytes`.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> CaseClassification {
        guard let first = bytes.first else { throw FacetPlaintextError.empty }
        switch first {
        case binaryFormat: return try decodeBinary(bytes)
        case jsonFormat: return try decodeJSON(bytes)
        default: throw FacetPlaintextError.unknownFormat(first)
        }
    }

    static func decodeBinary(_ bytes: UnsafeRawBufferPointer) throws -> CaseClassification {
        var reader = FacetBytesReader(bytes, from: 1)
        let taxonomy = try reader.string()
        let month = try reader.string()
        let kind = try reader.string()
        let facetCount = try reader.count()
        var codes: [String: [String]] = Dictionary(minimumCapacity: facetCount)
        for _ in 0..<facetCount {
            let key = try reader.string()
            let values = try reader.strings()
            guard codes.updateValue(values, forKey: key) == nil else { throw FacetPlaintextError.malformed(at: reader.offset) }
        }
        let flags = try reader.strings()
        let region = try reader.optionalString()
        let closedMonth = try reader.optionalString()
        let outcome = try reader.optionalString()
        let interventions = try reader.strings()
        guard reader.isAtEnd else { throw FacetPlaintextError.trailingBytes(at: reader.offset) }
        return CaseClassification(
            taxonomy: taxonomy, month: month, kind: kind, codes: codes, flags: flags, region: region,
            closedMonth: closedMonth, outcome: outcome, interventions: interventions)
    }

    /// The first format. JSONDecoder reads the decrypted bytes where they are (no copy that
    /// would outlive the wiped buffer); its error is not passed on, as it may quote a value.
    static func decodeJSON(_ bytes: UnsafeRawBufferPointer) throws -> CaseClassification {
        guard let base = bytes.baseAddress else { throw FacetPlaintextError.empty }
        let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none)
        do {
            return try JSONDecoder().decode(CaseClassification.self, from: data)
        } catch {
            throw FacetPlaintextError.invalidJSON
        }
    }
}
