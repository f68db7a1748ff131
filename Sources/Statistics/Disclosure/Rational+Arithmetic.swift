/// Overflow-checked arithmetic. Every operation either gives the exact result or throws; the
/// integer-only case (the common one: the tableaux of count tables are mostly whole numbers)
/// skips the gcd work.
extension Rational {
    func adding(_ other: Rational) throws(ExactArithmeticError) -> Rational {
        if denominator == 1, other.denominator == 1 {
            let (sum, overflow) = numerator.addingReportingOverflow(other.numerator)
            guard !overflow, sum != .min else { throw .overflow }
            return Rational(sum)
        }
        let divisor = Rational.gcd(denominator, other.denominator)
        let left = try Rational.multiply(numerator, other.denominator / divisor)
        let right = try Rational.multiply(other.numerator, denominator / divisor)
        let (sum, overflow) = left.addingReportingOverflow(right)
        guard !overflow, sum != .min else { throw .overflow }
        return try Rational(sum, try Rational.multiply(denominator / divisor, other.denominator))
    }

    func negated() -> Rational {
        // numerator is never Int.min (every constructor refuses it), so this cannot overflow.
        Rational.makeReduced(-numerator, denominator)
    }

    func subtracting(_ other: Rational) throws(ExactArithmeticError) -> Rational {
        try adding(other.negated())
    }

    func multiplied(by other: Rational) throws(ExactArithmeticError) -> Rational {
        if denominator == 1, other.denominator == 1 {
            return Rational(try Rational.multiply(numerator, other.numerator))
        }
        let first = Rational.gcd(numerator, other.denominator)
        let second = Rational.gcd(other.numerator, denominator)
        let top = try Rational.multiply(numerator / first, other.numerator / second)
        let bottom = try Rational.multiply(denominator / second, other.denominator / first)
        return Rational.makeReduced(top, bottom)
    }

    func divided(by other: Rational) throws(ExactArithmeticError) -> Rational {
        guard !other.isZero else { throw .divisionByZero }
        let sign = other.numerator < 0 ? -1 : 1
        let reciprocal = Rational.makeReduced(sign * other.denominator, sign * other.numerator)
        return try multiplied(by: reciprocal)
    }

    /// `self - factor × other`, the one operation a pivot needs.
    func subtracting(_ factor: Rational, times other: Rational) throws(ExactArithmeticError) -> Rational {
        try subtracting(try factor.multiplied(by: other))
    }

    static func multiply(_ a: Int, _ b: Int) throws(ExactArithmeticError) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow, product != .min else { throw .overflow }
        return product
    }
}

/// Ordering by cross-multiplication in 128 bits, so comparing never overflows.
extension Rational: Comparable {
    static func < (lhs: Rational, rhs: Rational) -> Bool {
        if lhs.denominator == rhs.denominator { return lhs.numerator < rhs.numerator }
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return left.high < right.high || (left.high == right.high && left.low < right.low)
    }
}
