import Foundation
import Statistics
import Testing

@Suite("Exact discrete Laplace sampling (Canonne, Kamath, Steinke 2020)")
struct DiscreteLaplaceTests {
    static func laplace(_ text: String) throws -> DiscreteLaplace {
        let epsilon = try #require(Epsilon(text))
        return try #require(DiscreteLaplace(epsilon: epsilon))
    }

    // MARK: Bernoulli steps, draw by draw

    @Test func bernoulliOfARatioIsOneDrawBelowTheDenominator() {
        var source = ScriptedRandomSource([0, 1, 2])
        #expect(ExactBernoulli.ratio(1, 3, using: &source))
        #expect(!ExactBernoulli.ratio(1, 3, using: &source))
        #expect(ExactBernoulli.ratio(3, 3, using: &source))
        #expect(source.bounds == [3, 3, 3] && source.problems.isEmpty)
    }

    /// γ = 1/2: A_K ~ Bernoulli(1/(2K)) until one fails; the answer is whether that K is odd.
    @Test func bernoulliExpMinusFollowsAlgorithmOne() {
        var first = ScriptedRandomSource([1])  // A_1 fails at once: K = 1, odd
        #expect(ExactBernoulli.expMinus(1, 2, using: &first))
        #expect(first.bounds == [2] && first.problems.isEmpty)

        var second = ScriptedRandomSource([0, 1])  // A_1 succeeds (0 < 1), A_2 fails: K = 2, even
        #expect(!ExactBernoulli.expMinus(1, 2, using: &second))
        #expect(second.bounds == [2, 4] && second.problems.isEmpty)

        var third = ScriptedRandomSource([0, 0, 5])  // K = 3
        #expect(ExactBernoulli.expMinus(1, 2, using: &third))
        #expect(third.bounds == [2, 4, 6] && third.problems.isEmpty)

        var zero = ScriptedRandomSource([0])  // γ = 0: A_1 ~ Bernoulli(0) fails, always true
        #expect(ExactBernoulli.expMinus(0, 7, using: &zero))
        #expect(zero.bounds == [7])

        // γ = 3/2 > 1: one coin of e^−1 (bounds 1, 2, …), then one of e^−1/2.
        var large = ScriptedRandomSource([0, 0, 2, 1])
        #expect(ExactBernoulli.expMinus(3, 2, using: &large))
        #expect(large.bounds == [1, 2, 3, 2] && large.problems.isEmpty)
        var stopsEarly = ScriptedRandomSource([0, 1])  // the e^−1 coin fails: false without the rest
        #expect(!ExactBernoulli.expMinus(3, 2, using: &stopsEarly))
        #expect(stopsEarly.bounds == [1, 2] && stopsEarly.problems.isEmpty)
    }

    /// Every path of the probability tree, weighted exactly (paths below 10^−15 pruned, their mass
    /// counted): P(true) equals e^−γ up to the pruned mass, which stays below 10^−10.
    @Test(arguments: [(0, 1), (1, 3), (1, 2), (2, 3), (1, 1), (3, 2), (7, 3), (5, 2), (4, 1)] as [(UInt64, UInt64)])
    func bernoulliExpMinusHasExactlyItsProbability(numerator: UInt64, denominator: UInt64) {
        let (probabilities, pruned) = ExactDistribution.of(pruneBelow: 1e-15) { source in
            ExactBernoulli.expMinus(numerator, denominator, using: &source)
        }
        let expected = exp(-Double(numerator) / Double(denominator))
        #expect(pruned < 1e-10)
        #expect(abs((probabilities[true] ?? 0) - expected) <= pruned + 1e-12, "γ = \(numerator)/\(denominator)")
        #expect(abs((probabilities[false] ?? 0) - (1 - expected)) <= pruned + 1e-12)
    }

    // MARK: Algorithm 2, draw by draw

    @Test func theSamplerFollowsAlgorithmTwo() throws {
        let half = try Self.laplace("1/2")  // s = 1, t = 2
        // U = 1 (below t = 2); D ~ Bernoulli(e^−1/2): [1] → true; V: one e^−1 coin [0, 1] fails → V = 0;
        // X = 1, Y = 1; B = [0] → negative.
        var minusOne = ScriptedRandomSource([1, 1, 0, 1, 0])
        #expect(half.sample(using: &minusOne) == -1)
        #expect(minusOne.bounds == [2, 2, 1, 2, 2] && minusOne.problems.isEmpty)
        var plusOne = ScriptedRandomSource([1, 1, 0, 1, 1])
        #expect(half.sample(using: &plusOne) == 1)

        // D fails (K = 2) and the loop starts over; then U = 0, D true, V = 1, X = 0 + 2·1, Y = 2, B positive.
        var restart = ScriptedRandomSource([1, 0, 3, 0, 1, 0, 0, 1, 0, 1, 1])
        #expect(half.sample(using: &restart) == 2)
        #expect(restart.bounds == [2, 2, 4, 2, 2, 1, 2, 3, 1, 2, 2] && restart.problems.isEmpty)

        // ε = 1 (s = t = 1): Y = 0 with B negative is rejected so 0 is not drawn twice as often.
        let one = try Self.laplace("1")
        var negativeZero = ScriptedRandomSource([0, 0, 0, 1, 0, 0, 0, 0, 1, 1])  // rejected, then restarted at the sixth value
        #expect(one.sample(using: &negativeZero) == 0)
        #expect(negativeZero.exhausted && negativeZero.problems.isEmpty)

        // ε = 2 (s = 2, t = 1): Y = ⌊X/2⌋; V = 3 (three e^−1 coins succeed), X = 3, Y = 1.
        let two = try Self.laplace("2")
        var three = ScriptedRandomSource([0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 2, 0, 1, 1])
        #expect(two.sample(using: &three) == 1)
        #expect(three.exhausted && three.problems.isEmpty)

        #expect(DiscreteLaplace(epsilon: .zero) == nil)
        #expect(DiscreteLaplace(epsilon: try #require(Epsilon(numerator: 1, denominator: (1 << 32) + 1))) == nil)
    }

    // MARK: The distribution, statistically

    static func pmf(_ k: Int, epsilon: Double) -> Double {
        let q = exp(-epsilon)
        return (1 - q) / (1 + q) * pow(q, Double(abs(k)))
    }

    /// Pearson's statistic over −5…5 and the two tails beyond.
    static func chiSquare(_ counts: [Int: Int], samples: Int, epsilon: Double) -> Double {
        let q = exp(-epsilon)
        let tail = pow(q, 6) / (1 + q)  // P(k ≥ 6) = P(k ≤ −6)
        var categories: [(observed: Int, expected: Double)] = (-5...5).map { k in
            (counts[k] ?? 0, Double(samples) * pmf(k, epsilon: epsilon))
        }
        categories.append((counts.filter { $0.key < -5 }.values.reduce(0, +), Double(samples) * tail))
        categories.append((counts.filter { $0.key > 5 }.values.reduce(0, +), Double(samples) * tail))
        return categories.reduce(0) { sum, category in
            let difference = Double(category.observed) - category.expected
            return sum + difference * difference / category.expected
        }
    }

    /// The 99.9 % quantile of χ² with `degrees` degrees of freedom (Wilson–Hilferty, z = 3.0902).
    static func chiSquareBound(degrees: Double) -> Double {
        let a = 2 / (9 * degrees)
        return degrees * pow(1 - a + 3.0902 * a.squareRoot(), 3)
    }

    @Test(arguments: [("1/2", 0.5, UInt64(20_261_001)), ("1", 1.0, UInt64(20_261_002))])
    func samplesFollowTheExactPMF(text: String, epsilon: Double, seed: UInt64) throws {
        let laplace = try Self.laplace(text)
        var source = SeededRandomSource(seed: seed)
        let samples = 100_000
        var counts: [Int: Int] = [:]
        var sum = 0
        for _ in 0..<samples {
            let k = laplace.sample(using: &source)
            counts[k, default: 0] += 1
            sum += k
        }
        let bound = Self.chiSquareBound(degrees: 12)  // 13 categories
        #expect((32.5...33.5).contains(bound))
        let statistic = Self.chiSquare(counts, samples: samples, epsilon: epsilon)
        #expect(statistic < bound, "χ² = \(statistic) for ε = \(text)")
        // The test has power: the same samples are far from the pmf of a 10 % larger ε.
        #expect(Self.chiSquare(counts, samples: samples, epsilon: epsilon * 1.1) > 3 * bound)
        // Symmetric around 0, variance 2e^−ε/(1 − e^−ε)².
        let q = exp(-epsilon)
        let variance = 2 * q / ((1 - q) * (1 - q))
        #expect(abs(Double(sum) / Double(samples)) < 4 * (variance / Double(samples)).squareRoot())
    }

    @Test func theSystemSourceDrawsWithinItsBounds() throws {
        var source = SystemRandomSource()
        #expect(source.uniform(below: 1) == 0)
        for bound in [2, 1000, UInt64(UInt32.max), UInt64(UInt32.max) + 1, 1 << 40, UInt64.max] as [UInt64] {
            for _ in 0..<50 { #expect(source.uniform(below: bound) < bound) }
        }
        let laplace = try Self.laplace("1/3")
        let draws = (0..<200).map { _ in laplace.sample(using: &source) }
        #expect(Set(draws).count > 3)
    }
}
