/// What an attacker knows about a release: every identity of `LinkedRelease` with the printed
/// counts substituted, over the counts they cannot read (suppressed ones and totals no table
/// prints). The unknowns split into independent components, each its own small linear program
/// with one warm simplex tableau, so asking for many intervals costs a few pivots each.
struct ReleaseSystem: Sendable {
    let release: LinkedRelease
    /// The printed value of each quantity, nil where it is unknown.
    let known: [Int?]
    /// Quantity → variable number (nil for printed counts).
    private(set) var variable: [Int?]
    /// Variable → its component and its index inside that component's program.
    private(set) var component: [(number: Int, local: Int)] = []
    private(set) var programs: [LinearProgram] = []
    /// True when the printed counts alone break an identity.
    private(set) var isContradictory = false
    /// Variables of each component, by their index inside it.
    private(set) var members: [[Int]] = []
    /// Each component's warm tableau once started, or why it could not be.
    var tableaus: [SimplexTableau?] = []
    var failures: [AuditFailure?] = []
    /// Per variable, the smallest and largest value seen at an integer point of its component.
    var seenLow: [Int?] = []
    var seenHigh: [Int?] = []

    init(release: LinkedRelease, known: [Int?]) {
        self.release = release
        self.known = known
        var variable = [Int?](repeating: nil, count: release.count)
        var unknowns: [Int] = []
        for quantity in 0..<release.count where known[quantity] == nil {
            variable[quantity] = unknowns.count
            unknowns.append(quantity)
        }
        self.variable = variable
        var constraints: [LinearConstraint] = []
        for relation in release.relations {
            for (terms, relationKind) in Self.constraints(of: relation) {
                var bound = 0
                var unknownTerms: [(index: Int, coefficient: Rational)] = []
                for (quantity, coefficient) in terms {
                    if let value = known[quantity] {
                        bound -= coefficient * value
                    } else if let index = variable[quantity] {
                        unknownTerms.append((index, Rational(coefficient)))
                    }
                }
                if unknownTerms.isEmpty {
                    isContradictory = isContradictory || !Self.holds(relationKind, bound)
                } else {
                    constraints.append(LinearConstraint(unknownTerms, relationKind, Rational(bound)))
                }
            }
        }
        split(Self.withoutImpliedBounds(constraints, unknownCount: unknowns.count), unknownCount: unknowns.count)
    }

    /// `Σ coefficient × quantity (relation) 0` for one identity: a sum is one equation; a
    /// multi-valued total gives total ≤ Σ parts and total ≥ each part.
    static func constraints(of relation: QuantityRelation) -> [([(Int, Int)], LinearConstraint.Relation)] {
        if relation.isSum {
            return [([(relation.total, 1)] + relation.parts.map { ($0, -1) }, .equal)]
        }
        return [(relation.parts.map { ($0, 1) } + [(relation.total, -1)], .greaterOrEqual)]
            + relation.parts.map { part in ([(relation.total, 1), (part, -1)], .greaterOrEqual) }
    }

    /// Whether `0 (relation) bound` holds, for an identity with nothing unknown left.
    private static func holds(_ relation: LinearConstraint.Relation, _ bound: Int) -> Bool {
        switch relation {
        case .equal: bound == 0
        case .lessOrEqual: 0 <= bound
        case .greaterOrEqual: 0 >= bound
        }
    }

    /// Groups the unknowns into connected components of the constraints (union–find).
    private mutating func split(_ constraints: [LinearConstraint], unknownCount: Int) {
        var parent = Array(0..<unknownCount)
        func root(_ node: Int) -> Int {
            var node = node
            while parent[node] != node {
                parent[node] = parent[parent[node]]
                node = parent[node]
            }
            return node
        }
        for constraint in constraints {
            guard let first = constraint.terms.first?.index else { continue }
            for term in constraint.terms.dropFirst() { parent[root(term.index)] = root(first) }
        }
        var numberOfRoot: [Int: Int] = [:]
        component = (0..<unknownCount).map { _ in (0, 0) }
        for unknown in 0..<unknownCount {
            let number = numberOfRoot[root(unknown)] ?? programs.count
            if number == programs.count {
                numberOfRoot[root(unknown)] = number
                programs.append(LinearProgram(variableCount: 0))
            }
            component[unknown] = (number, programs[number].variableCount)
            programs[number].variableCount += 1
            if number == members.count { members.append([]) }
            members[number].append(unknown)
        }
        for constraint in constraints {
            guard let first = constraint.terms.first?.index else { continue }
            let terms = constraint.terms.map { (component[$0.index].local, $0.coefficient) }
            programs[component[first].number].constraints.append(LinearConstraint(terms, constraint.relation, constraint.bound))
        }
        tableaus = Array(repeating: nil, count: programs.count)
        failures = Array(repeating: nil, count: programs.count)
        seenLow = Array(repeating: nil, count: unknownCount)
        seenHigh = Array(repeating: nil, count: unknownCount)
    }
}
