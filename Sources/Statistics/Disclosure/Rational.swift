/// An exact fraction of two `Int`s, always in lowest terms with a positive denominator.
///
/// The disclosure audit must answer "can this suppressed count be worked out?" exactly: a
/// floating-point simplex can round a feasible interval of width 4.9999 up to 5 and pass a
/// leaking table. Arithmetic that would overflow throws `ExactArithmeticError` rather than trap,
/// so the audit can fail closed. Counts in published statistics are small, and the constraint
/// matrices are mostly ±1, so overflow is not expected in practice.
struct Rational: Hashable, Sendable, CustomStringConvertible {
    let numerator: Int
    let denominator: Int

    static let zero = Rational(0)
    static let one = Rational(1)

    init(_ integer: Int) {
        numerator = integer
        denominator = 1
    }

    /// The fraction `numerator / denominator`, reduced.
    init(_ numerator: Int, _ denominator: Int) throws(ExactArithmeticError) {
        guard denominator != 0 else { throw .divisionByZero }
        guard numerator != .min, denominator != .min else { throw .overflow }
        let divisor = Rational.gcd(numerator, denominator)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// For values already known to be in lowest terms with a positive denominator.
    private init(reduced numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    var isZero: Bool { numerator == 0 }
    var isPositive: Bool { numerator > 0 }
    var isNegative: Bool { numerator < 0 }
    var isInteger: Bool { denominator == 1 }

    /// The largest integer not above the value.
    var floor: Int {
        let quotient = numerator / denominator
        return numerator % denominator < 0 ? quotient - 1 : quotient
    }

    /// The smallest integer not below the value.
    var ceiling: Int {
        let quotient = numerator / denominator
        return numerator % denominator > 0 ? quotient + 1 : quotient
    }

    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude
        var y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        // Both operands are above Int.min, so the result fits; gcd(0, 0) is taken as 1.
        return x == 0 ? 1 : Int(x)
    }

    static func makeReduced(_ numerator: Int, _ denominator: Int) -> Rational {
        Rational(reduced: numerator, denominator)
    }
}
