/// A privacy-loss parameter ε as an exact, reduced fraction of integers, so that the sampler
/// (`DiscreteLaplace`) needs no floating point and the ledger compares sums exactly.
///
/// Written in `statistics.yaml` as `"0.5"`, `"1"` or `"1/3"`. Policy text is refused when ε ≤ 0
/// (no noise scale exists), when ε > 10 (e^−10 ≈ 0.00005: the noise would be zero almost always,
/// a promise of privacy the numbers would not keep), with more than six decimals, or when the
/// reduced denominator exceeds 1,000,000 (it is the sampler's uniform bound and the ledger's sums
/// must stay in 64 bits). Sums and remainders the ledger computes are `Epsilon`s too and may be
/// zero or larger than 10; only policy text is held to those limits.
public struct Epsilon: Hashable, Sendable, CustomStringConvertible {
    public let numerator: UInt64
    public let denominator: UInt64

    /// The largest ε policy text may name.
    public static let policyMaximum = Epsilon(reduced: 10, 1)
    /// The largest reduced denominator policy text may name.
    public static let policyMaximumDenominator: UInt64 = 1_000_000
    public static let zero = Epsilon(reduced: 0, 1)

    private init(reduced numerator: UInt64, _ denominator: UInt64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction `numerator/denominator` in lowest terms; nil when the denominator is zero.
    public init?(numerator: UInt64, denominator: UInt64) {
        guard denominator > 0 else { return nil }
        let divisor = Self.gcd(numerator, denominator)
        self.init(reduced: numerator / divisor, denominator / divisor)
    }

    /// ε from policy text (`"0.5"`, `"1"`, `"1/3"`), held to the limits above.
    public init?(_ text: String) {
        guard let value = Self.parse(text),
            value > .zero, value <= Self.policyMaximum,
            value.denominator <= Self.policyMaximumDenominator
        else { return nil }
        self = value
    }

    /// Any non-negative fraction or decimal (at most six decimals), without the policy limits:
    /// how stored ledgers are read back, so tightening a limit never makes old entries unreadable.
    static func parse(_ text: String) -> Epsilon? {
        let ascii = Array(text.utf8)
        guard !ascii.isEmpty, ascii.allSatisfy({ $0 < 0x80 }) else { return nil }
        if let slash = ascii.firstIndex(of: UInt8(ascii: "/")) {
            guard let numerator = digits(ascii[..<slash]), let denominator = digits(ascii[(slash + 1)...]) else { return nil }
            return Epsilon(numerator: numerator, denominator: denominator)
        }
        if let point = ascii.firstIndex(of: UInt8(ascii: ".")) {
            let fraction = ascii[(point + 1)...]
            guard (1...6).contains(fraction.count), let whole = digits(ascii[..<point]), let part = digits(fraction) else { return nil }
            var scale: UInt64 = 1
            for _ in fraction { scale *= 10 }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            let (sum, carry) = scaled.addingReportingOverflow(part)
            guard !carry else { return nil }
            return Epsilon(numerator: sum, denominator: scale)
        }
        return digits(ascii[...]).flatMap { Epsilon(numerator: $0, denominator: 1) }
    }

    /// A run of 1…18 ASCII digits (18 digits always fit 64 bits).
    private static func digits(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard (1...18).contains(bytes.count) else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    /// `1/3`, `1/2`, `1` (an integer without its denominator): the form stored and shown.
    public var description: String {
        denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)"
    }
}
