import Casework
import SichtbarCore
import Workflow

/// Plans the demo's two years of casework in both offices: which cases, of which kind, ending in
/// which step, when they arrived, and the deadlines running around today; then every action in
/// the order it happens. The same seed plans the same demo.
struct DemoPlanner {
    static let kinds = ["meldung", "beratungsfall", "organisationsberatung"]
    static let talliedGrounds = [
        "rassistische_zuschreibung", "antisemitismus", "lebensalter", "behinderung_chronische_krankheit",
        "geschlecht_geschlechtsidentitaet", "sozialer_status", "religion_weltanschauung",
    ]

    var random: DemoRandom
    /// The real day the demo is made on: every action happens before it.
    let today: Day
    let tracker: DeadlineTracker
    let staffs: [DemoStaff]

    /// How many days back the demo's casework reaches: to 1 January two years before this one,
    /// so the two last calendar years are complete and can be released (issue 5), and the
    /// current year runs up to today.
    static func horizon(before today: Day) -> Int {
        (Day(year: today.year - 2, month: 1, day: 1)?.days(until: today)) ?? 730
    }

    var horizon: Int { Self.horizon(before: today) }

    /// `cases` worked cases (first one of every kind in every step the policy lets it reach,
    /// per office, then a realistic mix), `freshReports` reports of the last days nobody has
    /// worked yet, and `tallies` contacts without a file per office. Sorted by time.
    mutating func plan(cases: Int, freshReports: Int, tallies: Int) -> [DemoAction] {
        var chosen: [(staff: Int, kind: String, target: DemoTarget)] = []
        // Coverage first, the offices taking turns, so even a small demo has every step in each.
        let coverage = Self.kinds.flatMap { kind in DemoTarget.coverage(of: kind).map { (kind, $0) } }
        for (kind, target) in coverage { for staff in staffs.indices { chosen.append((staff, kind, target)) } }
        chosen = Array(chosen.prefix(cases))
        while chosen.count < cases {
            let kind = random.weighted([("meldung", 35), ("beratungsfall", 50), ("organisationsberatung", 15)])
            let allowed = DemoTarget.coverage(of: kind)
            chosen.append((chosen.count % staffs.count, kind, random.weighted(DemoTarget.weights.filter { allowed.contains($0.0) })))
        }
        var actions: [DemoAction] = []
        for (index, choice) in chosen.enumerated() {
            actions += planCase(index, staff: staffs[choice.staff], kind: choice.kind, target: choice.target)
        }
        for fresh in 0..<freshReports {
            actions += planCase(cases + fresh, staff: staffs[fresh % staffs.count], kind: "meldung", target: .received, online: true)
        }
        for staff in staffs { actions += self.tallies(tallies, staff: staff) }
        return actions.sorted { lhs, rhs in
            if lhs.ago != rhs.ago { return lhs.ago > rhs.ago }
            if lhs.minute != rhs.minute { return lhs.minute < rhs.minute }
            if lhs.caseIndex != rhs.caseIndex { return (lhs.caseIndex ?? -1) < (rhs.caseIndex ?? -1) }
            return lhs.sequence < rhs.sequence
        }
    }

    /// One case: a scenario that fits its kind, its way through the workflow, its place in time.
    mutating func planCase(_ index: Int, staff: DemoStaff, kind: String, target: DemoTarget, online: Bool? = nil) -> [DemoAction] {
        let scenario = random.pick(DemoScenario.catalogue.filter { $0.organisation == (kind == "organisationsberatung") })
        // A report through the form is a Meldung until counselling begins: a Beratungsfall that
        // never got that far was recorded by a counsellor.
        let arrivesOnline =
            online
            ?? {
                switch kind {
                case "meldung": return random.chance(0.75)
                case "beratungsfall": return ![.received, .firstContact, .noContact].contains(target) && random.chance(0.5)
                default: return false
                }
            }()
        let counsellor = random.chance(0.15) ? staff.lead : random.pick(staff.counsellors)
        var plan = DemoCasePlan(
            index: index, scenario: scenario, staff: staff, counsellor: counsellor, online: arrivesOnline,
            kind: arrivesOnline ? "meldung" : kind, random: random)
        plan.route(to: target, counselling: kind != "meldung")
        random = plan.random
        // Open cases were last worked in the last weeks; closed ones lie anywhere in two years.
        let earliest = plan.day + 1
        let arrival: Int
        switch target {
        case .received: arrival = earliest + random.int(0...11)
        case .firstContact, .deletionRequested: arrival = earliest + random.int(0...30)
        case .facts, .mandate: arrival = earliest + random.int(0...40)
        case .intervention: arrival = earliest + random.int(0...60)
        default: arrival = earliest >= horizon ? earliest : random.int(earliest...horizon)
        }
        var actions = plan.actions(arrivingDaysAgo: arrival)
        if target.isOpen && target != .deletionRequested && !(target == .received && arrivesOnline) {
            actions += deadlines(of: plan, arrival: arrival, legal: [.facts, .mandate, .intervention].contains(target))
        }
        return actions
    }

    /// "Kontakte ohne Akte" over the two years: month, channel, sometimes a ground and a referral.
    mutating func tallies(_ count: Int, staff: DemoStaff) -> [DemoAction] {
        (0..<count).map { index in
            DemoAction(
                ago: random.int(1...horizon), minute: random.int(8 * 60...17 * 60), caseIndex: nil, sequence: index,
                actor: random.pick(staff.counsellors + [staff.lead]),
                kind: .tally(
                    channel: random.weighted([("telefon", 6), ("persoenlich", 3), ("email", 2)]),
                    ground: random.chance(0.6) ? random.pick(Self.talliedGrounds) : nil,
                    referral: random.chance(0.5) ? random.pick(DemoTexts.tallyReferrals) : nil))
        }
    }
}
