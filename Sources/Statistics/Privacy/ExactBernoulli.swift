/// Coin flips with exactly rational and exactly exp(−rational) probabilities, from uniform
/// integers alone: the building blocks of Canonne, Kamath and Steinke, "The Discrete Gaussian for
/// Differential Privacy" (NeurIPS 2020), Algorithm 1. Floating point would make the noise's
/// distribution depend on rounding, and its tails are where privacy is lost (Mironov 2012).
public enum ExactBernoulli {
    /// The largest denominator of γ `expMinus` takes: it keeps denominator·K within 64 bits for
    /// every K that can occur.
    public static let maximumDenominator: UInt64 = 1 << 32

    /// True with probability exactly `numerator/denominator` (0 ≤ numerator ≤ denominator,
    /// denominator ≥ 1): one uniform draw below `denominator`, true when it is below `numerator`.
    public static func ratio(_ numerator: UInt64, _ denominator: UInt64, using source: inout some RandomSource) -> Bool {
        precondition(denominator > 0 && numerator <= denominator, "a probability lies in [0, 1]")
        return source.uniform(below: denominator) < numerator
    }

    /// True with probability exactly exp(−numerator/denominator), for any γ = numerator/denominator ≥ 0
    /// with a denominator of at most 2^32 (`maximumDenominator`).
    ///
    /// For γ ≤ 1 it draws A_K ~ Bernoulli(γ/K) for K = 1, 2, … until one is false and answers
    /// whether that K is odd: P(K odd) = Σ (−γ)^j / j! = e^−γ. For γ > 1 it multiplies:
    /// ⌊γ⌋ coins of e^−1, then one of e^−(γ−⌊γ⌋), stopping at the first false.
    public static func expMinus(_ numerator: UInt64, _ denominator: UInt64, using source: inout some RandomSource) -> Bool {
        precondition(denominator > 0 && denominator <= maximumDenominator, "γ needs a denominator in 1…2^32")
        if numerator <= denominator {
            var k: UInt64 = 1
            while true {
                // Bernoulli(γ/K) = Bernoulli(numerator / (denominator·K)). With denominator ≤ 2^32
                // an overflow of denominator·K needs K ≥ 2^32 successive successes, probability
                // below 1/(2^32)!; stopping there changes the distribution by less than that.
                let (bound, overflow) = denominator.multipliedReportingOverflow(by: k)
                guard !overflow, ratio(numerator, bound, using: &source) else { break }
                k += 1
            }
            return k % 2 == 1
        }
        let whole = numerator / denominator
        for _ in 0..<whole {
            guard expMinus(1, 1, using: &source) else { return false }
        }
        return expMinus(numerator % denominator, denominator, using: &source)
    }
}
