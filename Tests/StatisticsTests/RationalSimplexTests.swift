import Testing

@testable import Statistics

/// The exact simplex on small programs whose optima are known by hand, degenerate ones included.
@Suite("Rational simplex: exact optima, Bland's rule, branch and bound")
struct RationalSimplexTests {
    private func r(_ numerator: Int, _ denominator: Int = 1) throws -> Rational { try Rational(numerator, denominator) }

    private func terms(_ pairs: [(Int, Int)]) -> [(index: Int, coefficient: Rational)] {
        pairs.map { (index: $0.0, coefficient: Rational($0.1)) }
    }

    private func constraint(_ pairs: [(Int, Int)], _ relation: LinearConstraint.Relation, _ bound: Int) -> LinearConstraint {
        LinearConstraint(terms(pairs), relation, Rational(bound))
    }

    @Test func rationalsStayReducedAndExact() throws {
        #expect(try r(6, -4) == r(-3, 2))
        #expect(try r(1, 3).adding(r(1, 6)) == r(1, 2))
        #expect(try r(2, 3).multiplied(by: r(9, 4)) == r(3, 2))
        #expect(try r(1, 2).divided(by: r(-1, 4)) == r(-2))
        #expect(try r(-7, 2).floor == -4 && r(-7, 2).ceiling == -3 && r(7, 2).floor == 3 && r(7, 2).ceiling == 4)
        #expect(try r(1, 3) < r(1, 2) && r(-1, 2) < r(-1, 3))
        #expect(throws: ExactArithmeticError.overflow) { try Rational(Int.max).adding(.one) }
        #expect(throws: ExactArithmeticError.divisionByZero) { try Rational(1, 0) }
        // Comparison cross-multiplies in 128 bits: no overflow even near Int.max.
        #expect(try r(Int.max - 1, Int.max) < r(Int.max, Int.max - 1))
    }

    @Test func textbookMaximum() throws {
        // Wyndor Glass: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → 36 at (2, 6).
        let program = LinearProgram(
            variableCount: 2,
            constraints: [
                constraint([(0, 1)], .lessOrEqual, 4), constraint([(1, 2)], .lessOrEqual, 12),
                constraint([(0, 3), (1, 2)], .lessOrEqual, 18),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        #expect(try tableau.maximize(terms([(0, 3), (1, 5)])) == .optimal(value: Rational(36), point: [Rational(2), Rational(6)]))
    }

    @Test func phaseOneFindsAFractionalVertex() throws {
        // min x + y with x + 2y ≥ 4, 3x + y ≥ 6 → 14/5 at (8/5, 6/5): needs phase 1 and fractions.
        let program = LinearProgram(
            variableCount: 2,
            constraints: [
                constraint([(0, 1), (1, 2)], .greaterOrEqual, 4), constraint([(0, 3), (1, 1)], .greaterOrEqual, 6),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        let expected = SimplexOutcome.optimal(value: try r(-14, 5), point: [try r(8, 5), try r(6, 5)])
        #expect(try tableau.maximize(terms([(0, -1), (1, -1)])) == expected)
    }

    @Test func bealesCyclingExampleTerminates() throws {
        // Beale (1955) cycles under Dantzig's rule; Bland's rule must reach 5/4 at x4 = x6 = 1.
        let program = LinearProgram(
            variableCount: 4,
            constraints: [
                try LinearConstraint([(0, r(1, 4)), (1, r(-8)), (2, r(-1)), (3, r(9))], .lessOrEqual, .zero),
                try LinearConstraint([(0, r(1, 2)), (1, r(-12)), (2, r(-1, 2)), (3, r(3))], .lessOrEqual, .zero),
                constraint([(2, 1)], .lessOrEqual, 1),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        let outcome = try tableau.maximize([(0, r(3, 4)), (1, r(-20)), (2, r(1, 2)), (3, r(-6))])
        let expected = SimplexOutcome.optimal(value: try r(5, 4), point: [Rational(1), .zero, Rational(1), .zero])
        #expect(outcome == expected)
    }

    @Test func degenerateVertexWithTies() throws {
        // max x + y with x ≤ 0, x + y ≤ 1, y ≤ 1: the origin is degenerate; optimum 1.
        let program = LinearProgram(
            variableCount: 2,
            constraints: [
                constraint([(0, 1)], .lessOrEqual, 0), constraint([(0, 1), (1, 1)], .lessOrEqual, 1), constraint([(1, 1)], .lessOrEqual, 1),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        guard case .optimal(let value, _) = try tableau.maximize(terms([(0, 1), (1, 1)])) else {
            Issue.record("not optimal")
            return
        }
        #expect(value == .one)
    }

    @Test func kleeMintyCube() throws {
        // max 4x1 + 2x2 + x3, x1 ≤ 5, 4x1 + x2 ≤ 25, 8x1 + 4x2 + x3 ≤ 125 → 125 at (0, 0, 125).
        let program = LinearProgram(
            variableCount: 3,
            constraints: [
                constraint([(0, 1)], .lessOrEqual, 5), constraint([(0, 4), (1, 1)], .lessOrEqual, 25),
                constraint([(0, 8), (1, 4), (2, 1)], .lessOrEqual, 125),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        #expect(
            try tableau.maximize(terms([(0, 4), (1, 2), (2, 1)])) == .optimal(value: Rational(125), point: [.zero, .zero, Rational(125)]))
    }

    @Test func redundantEqualitiesAreDropped() throws {
        // x + y = 2 stated twice (once doubled): phase 1 leaves an artificial on a redundant row.
        let program = LinearProgram(
            variableCount: 2,
            constraints: [
                constraint([(0, 1), (1, 1)], .equal, 2), constraint([(0, 2), (1, 2)], .equal, 4),
            ])
        var tableau = try #require(try SimplexTableau.start(program))
        #expect(try tableau.maximize(terms([(0, 1)])) == .optimal(value: Rational(2), point: [Rational(2), .zero]))
        // The same warm tableau answers the opposite question.
        #expect(try tableau.maximize(terms([(0, -1)])) == .optimal(value: .zero, point: [.zero, Rational(2)]))
    }

    @Test func infeasibleAndUnbounded() throws {
        let infeasible = LinearProgram(
            variableCount: 2,
            constraints: [
                constraint([(0, 1), (1, 1)], .lessOrEqual, 1), constraint([(0, 1), (1, 1)], .greaterOrEqual, 3),
            ])
        #expect(try SimplexTableau.start(infeasible) == nil)
        let negativeBound = LinearProgram(variableCount: 1, constraints: [constraint([(0, 1)], .equal, -1)])
        #expect(try SimplexTableau.start(negativeBound) == nil)
        var open = try #require(
            try SimplexTableau.start(LinearProgram(variableCount: 2, constraints: [constraint([(0, 1), (1, -1)], .lessOrEqual, 1)])))
        #expect(try open.maximize(terms([(0, 1)])) == .unbounded)
    }

    @Test func targetStopsEarly() throws {
        var tableau = try #require(
            try SimplexTableau.start(
                LinearProgram(
                    variableCount: 2,
                    constraints: [
                        constraint([(0, 1)], .lessOrEqual, 10), constraint([(1, 1)], .lessOrEqual, 10),
                    ])))
        guard case .reachedTarget(let value, _) = try tableau.maximize(terms([(0, 1), (1, 1)]), target: Rational(3)) else {
            Issue.record("expected to stop at the target")
            return
        }
        #expect(value >= Rational(3))
    }

    @Test func branchAndBoundFindsTheIntegerOptimum() throws {
        // max x + y with 2x + 2y ≤ 3: the relaxation gives 3/2, integers only 1.
        let program = LinearProgram(variableCount: 2, constraints: [constraint([(0, 2), (1, 2)], .lessOrEqual, 3)])
        var root = try #require(try SimplexTableau.start(program))
        #expect(
            try BranchAndBound.maximize(terms([(0, 1), (1, 1)]), program: program, root: &root, target: nil)
                == .bounded(witness: 1, bound: 1))
        // 2x − 2y = 1 has rational solutions but no integer one.
        let parity = LinearProgram(
            variableCount: 2, constraints: [constraint([(0, 2), (1, -2)], .equal, 1), constraint([(0, 1)], .lessOrEqual, 5)])
        var parityRoot = try #require(try SimplexTableau.start(parity))
        #expect(try BranchAndBound.maximize(terms([(0, 1)]), program: parity, root: &parityRoot, target: nil) == .infeasible)
    }

    @Test func integerWindowNarrowerThanTheRelaxation() throws {
        // 3x = y + z, y ≤ 4, z ≤ 4 : relaxation x ≤ 8/3, integers x ≤ 2.
        let program = LinearProgram(
            variableCount: 3,
            constraints: [
                constraint([(0, 3), (1, -1), (2, -1)], .equal, 0), constraint([(1, 1)], .lessOrEqual, 4),
                constraint([(2, 1)], .lessOrEqual, 4),
            ])
        var root = try #require(try SimplexTableau.start(program))
        #expect(try BranchAndBound.maximize(terms([(0, 1)]), program: program, root: &root, target: nil) == .bounded(witness: 2, bound: 2))
    }
}
