extension Epsilon: Comparable {
    /// Exact: a/b < c/d compares a·d with c·b in 128 bits, so no sum can be misjudged by rounding.
    public static func < (lhs: Epsilon, rhs: Epsilon) -> Bool {
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }
}

extension Epsilon {
    /// The exact sum, or nil when it does not fit 64-bit numerator and denominator (then the
    /// ledger refuses rather than approximates).
    public func adding(_ other: Epsilon) -> Epsilon? {
        let divisor = Self.gcd(denominator, other.denominator)
        let (commonDenominator, overflow) = (denominator / divisor).multipliedReportingOverflow(by: other.denominator)
        guard !overflow else { return nil }
        let (left, leftOverflow) = numerator.multipliedReportingOverflow(by: other.denominator / divisor)
        let (right, rightOverflow) = other.numerator.multipliedReportingOverflow(by: denominator / divisor)
        guard !leftOverflow, !rightOverflow else { return nil }
        let (sum, carry) = left.addingReportingOverflow(right)
        guard !carry else { return nil }
        return Epsilon(numerator: sum, denominator: commonDenominator)
    }

    /// The exact difference, or nil when `other` is larger (ε is never negative) or on overflow.
    public func subtracting(_ other: Epsilon) -> Epsilon? {
        guard other <= self else { return nil }
        let divisor = Self.gcd(denominator, other.denominator)
        let (commonDenominator, overflow) = (denominator / divisor).multipliedReportingOverflow(by: other.denominator)
        guard !overflow else { return nil }
        let (left, leftOverflow) = numerator.multipliedReportingOverflow(by: other.denominator / divisor)
        let (right, rightOverflow) = other.numerator.multipliedReportingOverflow(by: denominator / divisor)
        guard !leftOverflow, !rightOverflow, right <= left else { return nil }
        return Epsilon(numerator: left - right, denominator: commonDenominator)
    }

    /// ε·factor exactly, or nil on overflow: the cost of noising `factor` counts a person can
    /// change (basic composition).
    public func multiplied(by factor: UInt64) -> Epsilon? {
        let divisor = Self.gcd(factor, denominator)
        let (product, overflow) = numerator.multipliedReportingOverflow(by: factor / divisor)
        guard !overflow else { return nil }
        return Epsilon(numerator: product, denominator: denominator / divisor)
    }
}

extension Epsilon: Codable {
    /// Stored as its text (`"1/3"`), read back without the policy limits (see `parse`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a fraction like 1/3 or a decimal like 0.5")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
