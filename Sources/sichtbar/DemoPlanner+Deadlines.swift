import Casework

/// Deadlines around today for the demo's open cases: legal periods from recorded events (some
/// overdue, some ending within the warning days, some running, some met) and Wiedervorlagen.
extension DemoPlanner {
    /// Actions of `plan`'s case recorded after its arrival `arrival` days ago; `legal` adds an
    /// event of the scenario's legal deadline.
    mutating func deadlines(of plan: DemoCasePlan, arrival: Int, legal: Bool) -> [DemoAction] {
        guard arrival >= 2 else { return [] }
        var actions: [DemoAction] = []
        func action(_ ago: Int, _ kind: DemoAction.Kind, _ random: inout DemoRandom) -> DemoAction {
            DemoAction(
                ago: ago, minute: random.int(8 * 60...17 * 60), caseIndex: plan.index, sequence: 1_000 + actions.count,
                actor: plan.counsellor, kind: kind)
        }
        if legal, let chain = plan.scenario.legal, random.chance(0.8),
            let rule = tracker.policy.deadlines.first(where: { $0.from.contains(chain.events.start) })
        {
            let state = random.weighted([("overdue", 3), ("soon", 3), ("running", 2), ("met", 2)])
            let window: ClosedRange<Int> =
                switch state {
                case "overdue": -45 ... -1
                case "soon": 0...13
                case "running": 15...90
                default: -300...90
                }
            // The days the starting event could have happened on for its deadline to end in the window.
            let starts = (1...(arrival + 90)).filter { ago in
                window.contains(today.days(until: tracker.calendar.end(of: rule.period, from: today.adding(days: -ago))))
            }
            if !starts.isEmpty {
                let start = random.pick(starts)
                let recorded = max(1, min(start, arrival - 1) - random.int(0...5))
                let event = action(recorded, .event(chain.events.start, daysBefore: start - recorded), &random)
                actions.append(event)
                if state == "met" {
                    let met = action(random.int(1...recorded), .event(chain.events.met, daysBefore: 0), &random)
                    actions.append(met)
                }
            }
        }
        if random.chance(0.45) {
            let set = random.int(1...min(arrival - 1, 30))
            let followUp = action(
                set, .followUp(label: random.pick(DemoTexts.followUps), inDays: random.int(max(1, set - 12)...(set + 13))),
                &random)
            actions.append(followUp)
        }
        return actions
    }
}
