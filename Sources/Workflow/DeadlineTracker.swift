import SichtbarCore

/// Computes a case's deadlines from its recorded events and hand-set deadlines: pure, so the
/// case page, the list and the overview agree, and the rules can be tested against worked dates.
public struct DeadlineTracker: Sendable {
    public let policy: WorkflowPolicy
    public let calendar: LegalCalendar

    public init(policy: WorkflowPolicy, calendar: LegalCalendar = .nrw) {
        self.policy = policy
        self.calendar = calendar
    }

    /// Every deadline that has started, sorted by end; `today` decides open, due soon and overdue.
    /// Only the rules of the case's legal `fields` start: a claim asserted in a housing case
    /// meets § 21 Abs. 5 AGG and starts no § 61b ArbGG.
    public func deadlines(
        events: [RecordedEvent], manual: [ManualDeadline], missed: [MissedDeadline] = [], fields: Set<String>,
        today: Day
    ) -> [DeadlineStatus] {
        var result: [DeadlineStatus] = []
        for rule in policy.deadlines where fields.contains(rule.field) {
            // The latest starting event: a second rejection starts the period afresh.
            guard let start = events.filter({ rule.from.contains($0.code) }).map(\.on).max() else { continue }
            let met = events.contains { rule.metBy.contains($0.code) && $0.on >= start }
            let override = manual.last { $0.rule == rule.code }
            let due =
                override?.due
                ?? (rule.shiftsOffHolidays
                    ? calendar.end(of: rule.period, from: start)
                    : calendar.unadjustedEnd(of: rule.period, from: start))
            // Marked missed for this start; a later start begins a deadline of its own.
            let marked = missed.last { $0.rule == rule.code && $0.start == start }
            var status = DeadlineStatus(
                rule: rule.code, label: nil, start: start, due: due,
                state: state(due: due, met: met || override?.done == true, today: today),
                overridden: override != nil, manualID: override?.id)
            if let marked, status.state != .met {
                status = DeadlineStatus(
                    rule: status.rule, label: nil, start: start, due: due, state: .missed, overridden: status.overridden,
                    manualID: status.manualID, missedReason: marked.reason)
            }
            result.append(status)
        }
        for own in manual where own.rule == nil {
            result.append(
                DeadlineStatus(
                    rule: DeadlineStatus.manualRule, label: own.label, start: nil, due: own.due,
                    state: state(due: own.due, met: own.done, today: today), overridden: false, manualID: own.id,
                    owner: own.owner))
        }
        return result.sorted { ($0.due, $0.rule) < ($1.due, $1.rule) }
    }

    /// The earliest end of a deadline the office still tracks and has not met: what the case
    /// list filters and sorts by.
    public func nextDue(
        events: [RecordedEvent], manual: [ManualDeadline], missed: [MissedDeadline] = [], fields: Set<String>, today: Day,
        closed: Bool = false
    ) -> Day? {
        tracked(deadlines(events: events, manual: manual, missed: missed, fields: fields, today: today), closed: closed)
            .filter(\.state.isPending).map(\.due).min()
    }

    /// The deadlines the office still tracks: all while the case is open; once it is closed only
    /// those a counsellor set by hand (Wiedervorlagen). The policy's deadlines belong to the
    /// counselling that ended, so a closed case leaves the due lists; its page still shows them.
    public func tracked(_ deadlines: [DeadlineStatus], closed: Bool) -> [DeadlineStatus] {
        closed ? deadlines.filter { $0.rule == DeadlineStatus.manualRule } : deadlines
    }

    func state(due: Day, met: Bool, today: Day) -> DeadlineState {
        if met { return .met }
        if due < today { return .overdue }
        return today.days(until: due) <= policy.warnDays ? .dueSoon : .open
    }
}
