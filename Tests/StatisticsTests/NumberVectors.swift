import Foundation

/// ECMAScript's own `String(number)` for 521 doubles, generated once with Node.js (V8) from a
/// fixed xorshift seed: random bit patterns over the whole range, decimals m·10^e for e in
/// −30…29, and boundaries (10^21, 10^−7, 2^53). V8's output is the reference RFC 8785 names.
enum NumberVectors {
    /// Read from `Vectors/ecmascript-numbers.tsv` beside this file: the bit pattern in hex, a tab,
    /// the text. Kept as data, not as a 500-line Swift literal.
    static let v8: [(bits: UInt64, text: String)] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors/ecmascript-numbers.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line -> (UInt64, String)? in
            guard !line.hasPrefix("#") else { return nil }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let bits = UInt64(fields[0], radix: 16) else { return nil }
            return (bits, String(fields[1]))
        }
    }()
}
