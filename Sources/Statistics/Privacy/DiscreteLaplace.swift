/// Exact samples of the discrete Laplace distribution on the integers,
/// P(k) = (1 − e^−ε)/(1 + e^−ε) · e^−ε|k|, with ε = s/t rational (scale t/s): Canonne, Kamath
/// and Steinke 2020, Algorithm 2. Every step is integer arithmetic on uniform draws, so the
/// samples follow this distribution exactly, tails included; adding one to a count with
/// sensitivity 1 gives ε-differential privacy.
public struct DiscreteLaplace: Sendable {
    public let epsilon: Epsilon

    /// Nil for ε = 0, which has no noise scale, and for a numerator or denominator above 2^32
    /// (policy text never comes near: `Epsilon` allows denominators up to 10^6 and ε up to 10).
    public init?(epsilon: Epsilon) {
        guard epsilon.numerator > 0, epsilon.numerator <= ExactBernoulli.maximumDenominator,
            epsilon.denominator <= ExactBernoulli.maximumDenominator
        else { return nil }
        self.epsilon = epsilon
    }

    /// One sample.
    ///
    /// 1. U uniform in 0..<t, kept with probability e^−U/t (else start over);
    /// 2. V ≥ 0 counts successive Bernoulli(e^−1) successes, so X = U + t·V is geometric with
    ///    P(X = x) ∝ e^−x/t;
    /// 3. Y = ⌊X/s⌋ is geometric with P(Y = y) ∝ e^−ys/t = e^−εy;
    /// 4. a fair sign B; the pair (negative, 0) is rejected so zero is not counted twice.
    public func sample(using source: inout some RandomSource) -> Int {
        let s = epsilon.numerator
        let t = epsilon.denominator
        while true {
            let u = source.uniform(below: t)
            guard ExactBernoulli.expMinus(u, t, using: &source) else { continue }
            var v: UInt64 = 0
            while ExactBernoulli.expMinus(1, 1, using: &source) { v += 1 }
            let x = u + t * v
            let y = x / s
            let negative = ExactBernoulli.ratio(1, 2, using: &source)
            if negative && y == 0 { continue }
            let magnitude = Int(y)
            return negative ? -magnitude : magnitude
        }
    }
}
