/// Exact integer bounds of counts and differences of counts.
extension ReleaseSystem {
    /// The interval of one quantity. With `requiredWidth`, the search stops as soon as integer
    /// points `requiredWidth` apart are found, so the interval returned is then only a lower
    /// estimate of the true one (both ends attained); without it, both ends are exact (unless
    /// branch and bound hits its node limit, which only ever narrows the answer).
    mutating func interval(of quantity: Int, requiredWidth: Int?) throws(AuditFailure) -> FeasibleInterval {
        if let value = known[quantity] { return FeasibleInterval(lower: value, upper: value) }
        guard let unknown = variable[quantity] else { throw .inconsistent }
        try prepare(component[unknown].number)
        if let width = requiredWidth, let low = seenLow[unknown], let high = seenHigh[unknown], high - low >= width {
            return FeasibleInterval(lower: low, upper: high)
        }
        let minimumTarget = requiredWidth.flatMap { width in seenHigh[unknown].map { width - $0 } }
        guard let negatedLower = try maximum(of: [(quantity, -1)], target: minimumTarget) else { throw .inconsistent }
        let lower = -negatedLower
        if let width = requiredWidth, let high = seenHigh[unknown], high - lower >= width {
            return FeasibleInterval(lower: lower, upper: high)
        }
        let upper = try maximum(of: [(quantity, 1)], target: requiredWidth.map { lower + $0 })
        return FeasibleInterval(lower: lower, upper: upper)
    }

    /// The largest value of `Σ coefficient × quantity` attained at an integer point (nil:
    /// unbounded). With a `target` it may stop at the first point reaching it.
    mutating func maximum(of terms: [(quantity: Int, coefficient: Int)], target: Int?) throws(AuditFailure) -> Int? {
        var constant = 0
        var objectives: [Int: [(index: Int, coefficient: Rational)]] = [:]
        for (quantity, coefficient) in terms {
            if let value = known[quantity] {
                constant += coefficient * value
            } else if let unknown = variable[quantity] {
                objectives[component[unknown].number, default: []].append((component[unknown].local, Rational(coefficient)))
            }
        }
        var total = constant
        for number in objectives.keys.sorted() {
            guard let objective = objectives[number] else { continue }
            let componentTarget = objectives.count == 1 ? target.map { $0 - constant } : nil
            switch try maximize(objective, in: number, target: componentTarget) {
            case .unbounded: return nil
            case .infeasible: throw .inconsistent
            case .bounded(let witness, _):
                guard let witness else { throw .undecided }
                total += witness
            }
        }
        return total
    }

    private mutating func maximize(_ objective: [(index: Int, coefficient: Rational)], in number: Int, target: Int?)
        throws(AuditFailure) -> IntegerMaximum
    {
        try prepare(number)
        guard var tableau = tableaus[number] else { throw failures[number] ?? .inconsistent }
        tableaus[number] = nil  // keeps `tableau` the only owner, so pivoting does not copy it
        do {
            let result = try BranchAndBound.maximize(objective, program: programs[number], root: &tableau, target: target)
            record(tableau.point, in: number)
            tableaus[number] = tableau
            return result
        } catch {
            failures[number] = .overflow
            throw .overflow
        }
    }

    /// Whether every component has a solution (its rational relaxation). A component the exact
    /// arithmetic cannot start counts as feasible here: the audit then reports its counts undecided.
    mutating func isFeasible() -> Bool {
        for number in programs.indices {
            do throws(AuditFailure) {
                try prepare(number)
            } catch .inconsistent {
                return false
            } catch {
                continue
            }
        }
        return true
    }

    /// Starts a component's tableau (phase 1) the first time it is needed.
    private mutating func prepare(_ number: Int) throws(AuditFailure) {
        if let failure = failures[number] { throw failure }
        if tableaus[number] != nil { return }
        let started: SimplexTableau?
        do {
            started = try SimplexTableau.start(programs[number])
        } catch {
            failures[number] = .overflow
            throw .overflow
        }
        guard let tableau = started else {
            failures[number] = .inconsistent
            throw .inconsistent
        }
        record(tableau.point, in: number)
        tableaus[number] = tableau
    }

    /// Notes the values of an integer point: each is attained, so [seenLow, seenHigh] lies
    /// inside the true interval.
    private mutating func record(_ point: [Rational], in number: Int) {
        guard point.allSatisfy(\.isInteger) else { return }
        for (local, value) in point.enumerated() {
            let unknown = members[number][local]
            seenLow[unknown] = min(seenLow[unknown] ?? value.floor, value.floor)
            seenHigh[unknown] = max(seenHigh[unknown] ?? value.floor, value.floor)
        }
    }
}
