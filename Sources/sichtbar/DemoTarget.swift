/// Where a demo case ends up: its last step, and the way it took there.
enum DemoTarget: CaseIterable {
    case received, firstContact, facts, mandate, intervention
    case closed, followUp, referred, noContact, withdrawn
    /// The reporter withdrew after counselling began; a counsellor has yet to confirm.
    case deletionRequested
    /// Withdrawn and the deletion confirmed: the case is crypto-shredded, its facets stay.
    case deleted
    /// Withdrawn, but kept with a written legal reason (ends as zurueckgezogen).
    case kept
    /// Closed, reopened within six months, and worked again.
    case reopened

    /// Still being worked: its last steps lie in the last weeks, its deadlines around today.
    var isOpen: Bool {
        switch self {
        case .received, .firstContact, .facts, .mandate, .intervention, .deletionRequested: true
        default: false
        }
    }

    /// Every way a case of `kind` can end that the default workflow allows: a Meldung stays one
    /// only until counselling begins.
    static func coverage(of kind: String) -> [DemoTarget] {
        switch kind {
        case "meldung": [.received, .firstContact, .closed, .followUp, .referred, .noContact, .withdrawn, .deletionRequested]
        case "beratungsfall": allCases
        default:
            [
                .received, .firstContact, .facts, .mandate, .intervention, .closed, .followUp, .referred, .noContact, .withdrawn,
                .deletionRequested, .reopened,
            ]
        }
    }

    /// How often each way appears beyond the coverage: over two years most cases are closed.
    static let weights: [(DemoTarget, Int)] = [
        (.received, 5), (.firstContact, 5), (.facts, 7), (.mandate, 5), (.intervention, 8), (.closed, 26), (.followUp, 16),
        (.referred, 6), (.noContact, 5), (.withdrawn, 5), (.deletionRequested, 3), (.deleted, 2), (.kept, 1), (.reopened, 3),
    ]
}
