import Casework
import Workflow

/// The actions of one demo case, built along the workflow from its arrival (day 0) on: the
/// builder keeps the case's step and kind, so every transition starts from the step it is in.
/// `actions(arrivingDaysAgo:)` then places the whole plan in the demo's two years.
struct DemoCasePlan {
    struct Planned {
        let day: Int
        let minute: Int
        let actor: String
        let kind: DemoAction.Kind
    }

    let index: Int
    let scenario: DemoScenario
    let staff: DemoStaff
    /// The counsellor in charge.
    let counsellor: String
    /// Arrived through the online form: it has a reporter mailbox.
    let online: Bool
    var random: DemoRandom
    /// The reporter left a phone number (recorded cases always came with a contact).
    var callable = true
    var kind: String
    var step = "eingegangen"
    private(set) var planned: [Planned] = []
    /// Days since arrival, and the minute of that day, of the latest action.
    private(set) var day = 0
    private var minute: Int

    init(index: Int, scenario: DemoScenario, staff: DemoStaff, counsellor: String, online: Bool, kind: String, random: DemoRandom) {
        self.index = index
        self.scenario = scenario
        self.staff = staff
        self.counsellor = counsellor
        self.online = online
        self.kind = kind
        self.random = random
        // Reports arrive at any hour; counsellors record cases in office hours.
        minute = online ? self.random.int(6 * 60...22 * 60) : self.random.int(8 * 60...16 * 60)
    }

    /// Lets `gap` days pass (none: later the same day).
    mutating func wait(_ gap: ClosedRange<Int>) {
        let days = random.int(gap)
        if days == 0 {
            minute = min(minute + random.int(4...40), 23 * 60 + 59)
        } else {
            day += days
            minute = random.int(8 * 60...17 * 60)
        }
    }

    mutating func add(_ kind: DemoAction.Kind, by actor: String? = nil) {
        planned.append(Planned(day: day, minute: minute, actor: actor ?? counsellor, kind: kind))
        minute = min(minute + 1, 23 * 60 + 59)
    }

    /// A transition from the current step, with whatever it needs.
    mutating func go(_ to: String, after gap: ClosedRange<Int>, intervention: String? = nil, outcome: String? = nil, reason: String? = nil)
    {
        wait(gap)
        // A deletion request here is the person's, made in a conversation; both deletion steps are confirmed.
        let deleting = to == WorkflowPolicy.deletionRequestedStep || to == "geloescht"
        add(
            .transition(
                TransitionRequest(
                    from: step, to: to, intervention: intervention,
                    counterpart: intervention.map { _ in scenario.counterpart }, outcome: outcome, reason: reason,
                    requester: to == WorkflowPolicy.deletionRequestedStep ? "gespraech" : nil,
                    confirmed: deleting ? true : nil)))
        step = to
        // The one transition that changes the kind: counselling begins for a Meldung.
        if kind == "meldung" && to == "sachverhaltsklaerung" { kind = "beratungsfall" }
    }

    /// The plan in time: the case arrived `arrival` days before today; nothing reaches today.
    func actions(arrivingDaysAgo arrival: Int) -> [DemoAction] {
        planned.enumerated().map { sequence, step in
            DemoAction(
                ago: max(arrival - step.day, 1), minute: step.minute, caseIndex: index, sequence: sequence, actor: step.actor,
                kind: step.kind)
        }
    }

    // MARK: Pieces of casework

    var persons: [AffectedPerson] {
        if scenario.organisation { return [AffectedPerson(label: DemoTexts.organisationLabels[index % 2], minor: false)] }
        let adult = AffectedPerson(label: DemoTexts.personLabels[index % DemoTexts.personLabels.count], minor: false)
        return scenario.minor
            ? [adult, AffectedPerson(label: DemoTexts.minorLabels[index % DemoTexts.minorLabels.count], minor: true)]
            : [adult]
    }

    /// A contact with the person (or the counterpart), with the interpreting it needed.
    mutating func contact(with partner: String = "ratsuchende Person", mode: ContactLogEntry.Mode? = nil) -> DemoContact {
        let mode = mode ?? random.weighted([(.telefon, 5), (.persoenlich, 4), (.video, 1), (.email, 2), (.aufsuchend, 1)])
        var interpreting = ContactLogEntry.Interpreting.keine
        var language: String?
        if partner == "ratsuchende Person" {
            if scenario.signLanguage || random.chance(0.04) {
                interpreting = mode == .email ? .schriftdolmetschen : .dgs
            } else if random.chance(0.2) {
                interpreting = .lautsprache
                language = random.pick(DemoTexts.spokenLanguages)
            }
        }
        return DemoContact(
            minutes: random.pick([10, 15, 20, 30, 45, 60, 90]), mode: mode, with: partner, interpreting: interpreting,
            language: language)
    }

    /// The counsellor's classification: the scenario's codes, the person's role and age group, the office's region.
    mutating func classify() {
        var codes = scenario.codes
        if codes["role"] == nil { codes["role"] = [random.weighted([("betroffen", 8), ("zeuge", 1), ("angehoerige", 1)])] }
        if codes["age_group"] == nil {
            codes["age_group"] = [
                random.pick(["von_18_bis_26", "von_27_bis_40", "von_27_bis_40", "von_41_bis_60", "ueber_60", "unbekannt"])
            ]
        }
        codes["channel"] = [online ? "online_formular" : random.pick(["telefon", "persoenlich", "email"])]
        add(.classify(codes: codes, region: random.pick(staff.regions), multidimensional: (codes["ground"]?.count ?? 0) > 1))
    }

    /// The documents an intervention's gate asks for, signed a few days before.
    mutating func documents(for intervention: String) {
        let counterpart = scenario.counterpart
        switch intervention {
        case "beschwerdebrief", "bitte_um_stellungnahme":
            add(.document(type: "vollmacht", scope: [intervention], counterpart: counterpart, daysBefore: random.int(0...3)))
        case "gespraech_mit_dritten":
            add(
                .document(type: "schweigepflichtentbindung", scope: [intervention], counterpart: counterpart, daysBefore: random.int(0...3))
            )
        case "vermittlungsgespraech":
            add(.document(type: "einwilligung", scope: ["alle"], counterpart: nil, daysBefore: random.int(0...3)))
            add(
                .document(type: "schweigepflichtentbindung", scope: [intervention], counterpart: counterpart, daysBefore: random.int(0...3))
            )
        case "begleitung", "oeffentlichkeitsarbeit":
            add(.document(type: "einwilligung", scope: [intervention], counterpart: nil, daysBefore: random.int(0...3)))
        default:
            return
        }
        if scenario.minor {
            add(.document(type: "einwilligung_sorgeberechtigte", scope: ["alle"], counterpart: nil, daysBefore: random.int(0...3)))
        }
    }
}
