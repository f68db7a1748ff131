import SichtbarCore

extension WorkflowPolicyReader {
    static let transitionKeys: Set<String> = [
        "name", "from", "to", "kinds", "becomes", "roles", "intervention", "outcomes",
        "reason", "within_months", "records", "shreds", "requester", "confirm",
    ]

    func readTransitions(
        steps: [WorkflowStep], kinds: Set<String>, outcomes: Set<String>, events: Set<String>,
        hasInterventions: Bool, hasRequesters: Bool
    ) throws -> [WorkflowTransition] {
        let node = try section("transitions")
        guard case .sequence(let items) = node.node, !items.isEmpty else { throw node.error("transitions must be a non-empty list") }
        var names = Set<String>()
        var result: [WorkflowTransition] = []
        for item in items {
            let entry = PolicyNode(node: item, file: node.file)
            let nameNode = try entry.required("name", in: "a transition")
            let name = try nameNode.string("name of a transition")
            try nameNode.checkCode(name, what: "transition name")
            guard names.insert(name).inserted else { throw nameNode.error("the transition name '\(name)' is used twice") }
            let what = "transition '\(name)'"
            for field in try entry.entries(what) where !Self.transitionKeys.contains(field.key) {
                throw field.keyNode.error("\(what) has the unknown key '\(field.key)'")
            }
            func codes(_ key: String, within known: Set<String>, _ list: String) throws -> [String]? {
                guard let child = entry.optional(key) else { return nil }
                let values = try child.strings("\(key) of \(what)")
                for value in values where !known.contains(value) {
                    throw child.error("\(what) names '\(value)' in \(key), which \(list) does not list")
                }
                return values
            }
            let fromNode = try entry.required("from", in: what)
            var from: [String] = []
            for code in try fromNode.strings("from of \(what)") {
                switch code {
                case "open": from += steps.filter(\.isOpen).map(\.code)
                case "closed": from += steps.filter(\.isClosed).map(\.code)
                default:
                    guard let step = steps.first(where: { $0.code == code }) else {
                        throw fromNode.error("\(what) starts from the unknown step '\(code)'")
                    }
                    if step.isFinal { throw fromNode.error("\(what) starts from '\(code)', a final step (final steps have no way out)") }
                    from.append(code)
                }
            }
            guard !from.isEmpty else { throw fromNode.error("\(what) starts from no step") }
            let toNode = try entry.required("to", in: what)
            let to = try toNode.string("to of \(what)")
            let needsRequester = try entry.optional("requester")?.bool("requester of \(what)") ?? false
            if needsRequester && !hasRequesters { throw entry.error("\(what) asks who requested it, but requesters is missing or empty") }
            let needsConfirmation = try entry.optional("confirm")?.bool("confirm of \(what)") ?? false
            if to == WorkflowTransition.previousStep {
                // Back to where the case stood: no target step to check, nothing to shred.
                var back = WorkflowTransition(
                    name: name, from: from, to: to, kinds: try codes("kinds", within: kinds, "kinds").map(Set.init),
                    becomes: nil, roles: [.counsellor, .lead], needsIntervention: false, outcomes: [],
                    needsReason: try entry.optional("reason")?.bool("reason of \(what)") ?? false, withinMonths: nil,
                    records: try codes("records", within: events, "events") ?? [], shreds: false, line: entry.line)
                back.needsConfirmation = needsConfirmation
                result.append(back)
                continue
            }
            guard let target = steps.first(where: { $0.code == to }) else {
                throw toNode.error("\(what) leads to the unknown step '\(to)'")
            }
            if to == steps.first(where: \.isStart)?.code {
                throw toNode.error("\(what) leads back to the start step; only intake files cases there")
            }
            let becomesNode = entry.optional("becomes")
            let becomes = try becomesNode?.string("becomes of \(what)")
            if let becomes, let becomesNode, !kinds.contains(becomes) {
                throw becomesNode.error("\(what) turns the case into the unknown kind '\(becomes)'")
            }
            let rolesNode = entry.optional("roles")
            var roles: Set<MemberRole> = [.counsellor, .lead]
            if let rolesNode {
                roles = []
                for role in try rolesNode.strings("roles of \(what)") {
                    guard let parsed = MemberRole(rawValue: role), parsed != .analyst else {
                        throw rolesNode.error("\(what) names the role '\(role)'; only counsellor and lead work cases")
                    }
                    roles.insert(parsed)
                }
                guard !roles.isEmpty else { throw rolesNode.error("roles of \(what) is empty: nobody could take it") }
            }
            let needsIntervention = try entry.optional("intervention")?.bool("intervention of \(what)") ?? false
            if needsIntervention && !hasInterventions { throw entry.error("\(what) needs an intervention, but interventions is empty") }
            let shreds = try entry.optional("shreds")?.bool("shreds of \(what)") ?? false
            if shreds && !target.isFinal { throw toNode.error("\(what) shreds the case, so it must lead to a final step") }
            if target.isFinal && !shreds { throw toNode.error("\(what) leads to the final step '\(to)' without shredding (shreds: true)") }
            if shreds && !needsConfirmation { throw entry.error("\(what) shreds the case, so it needs confirm: true") }
            let withinNode = entry.optional("within_months")
            var transition = WorkflowTransition(
                name: name, from: from, to: to, kinds: try codes("kinds", within: kinds, "kinds").map(Set.init), becomes: becomes,
                roles: roles, needsIntervention: needsIntervention,
                outcomes: try codes("outcomes", within: outcomes, "outcomes") ?? [],
                needsReason: try entry.optional("reason")?.bool("reason of \(what)") ?? false,
                withinMonths: try withinNode?.integer("within_months of \(what)", in: 1...120),
                records: try codes("records", within: events, "events") ?? [], shreds: shreds, line: entry.line)
            transition.needsRequester = needsRequester
            transition.needsConfirmation = needsConfirmation
            result.append(transition)
        }
        try checkUnique(result, kinds: kinds, node: node)
        return result
    }

    /// A request names its target step; two transitions between the same steps for the same kind
    /// would make it ambiguous which rules apply.
    func checkUnique(_ transitions: [WorkflowTransition], kinds: Set<String>, node: PolicyNode) throws {
        var seen: [String: String] = [:]
        for transition in transitions {
            for kind in kinds.sorted() where transition.applies(to: kind) {
                for from in transition.from {
                    let key = "\(from)>\(transition.to)>\(kind)"
                    if let other = seen[key] {
                        throw PolicyError(
                            file: node.file, line: transition.line,
                            problem:
                                "transitions '\(other)' and '\(transition.name)' both lead from '\(from)' to '\(transition.to)' for kind '\(kind)'"
                        )
                    }
                    seen[key] = transition.name
                }
            }
        }
    }

    /// Every step must be reachable from the start, and every step that is not final must have
    /// a way out: otherwise cases would get stuck or a step would be dead text.
    func checkGraph(_ policy: WorkflowPolicy) throws {
        var reached: Set<String> = [policy.startStep]
        var frontier = [policy.startStep]
        while let step = frontier.popLast() {
            for transition in policy.transitions where transition.from.contains(step) && !reached.contains(transition.to) {
                reached.insert(transition.to)
                frontier.append(transition.to)
            }
        }
        for step in policy.steps {
            guard let node = stepLines[step.code] else { continue }
            if !reached.contains(step.code) {
                throw node.error("the step '\(step.code)' cannot be reached from '\(policy.startStep)' by any transition")
            }
            if !step.isFinal && !policy.transitions.contains(where: { $0.from.contains(step.code) }) {
                throw node.error("the step '\(step.code)' has no way out but is not final")
            }
        }
        for kind in policy.kinds {
            if !policy.transitions.contains(where: { $0.from.contains(policy.startStep) && $0.applies(to: kind.code) }) {
                throw PolicyError(
                    file: root.file, line: nil, problem: "a case of kind '\(kind.code)' has no way out of '\(policy.startStep)'")
            }
        }
    }
}
