import SichtbarCore
import Workflow

/// The retention policy applied to one case: when it goes and why, as a pure function of the
/// case's plaintext and the policy. Several rules may apply (a Meldung with a deletion request);
/// the earliest day wins.
public struct RetentionSchedule: Sendable {
    public let policy: RetentionPolicy

    public init(policy: RetentionPolicy) {
        self.policy = policy
    }

    /// Kinds of cases whose closing starts the limitation period (§§ 195, 199 BGB).
    static let counsellingKinds: Set<String> = ["beratungsfall", "organisationsberatung"]
    static let reportKind = "meldung"

    /// When the case goes, or nil when no rule applies (an open counselling case).
    public func due(_ candidate: RetentionCandidate) -> RetentionDue? {
        var options: [(RetentionKind, Day, Day?)] = []
        if candidate.step == WorkflowPolicy.deletionRequestedStep, let requested = candidate.deletionRequestedOn {
            // Art. 12 (3) DSGVO: within a month of the request; § 188 (2) BGB gives its last day.
            options.append((.deletionRequest, requested.adding(months: policy.deletionRequestMonths), nil))
        }
        if candidate.kind == Self.reportKind {
            if let classified = candidate.classifiedOn {
                options.append((.report, classified.adding(months: policy.reportMonths), nil))
            } else {
                options.append(
                    (
                        .unclassified, candidate.receivedOn.adding(months: policy.unclassifiedMonths),
                        candidate.receivedOn.adding(months: policy.unclassifiedFlagMonths)
                    ))
            }
        } else if Self.counsellingKinds.contains(candidate.kind), let closed = candidate.closedOn {
            // The period runs from the end of the year of closing; the case goes the day after it ends.
            if let firstDay = Day(year: closed.year + policy.closedCaseYears + 1, month: 1, day: 1) {
                options.append((.closedCase, firstDay, nil))
            }
        }
        guard let earliest = options.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return RetentionDue(
            caseID: candidate.id, officeID: candidate.officeID, kind: earliest.0, goesOn: earliest.1,
            flaggedOn: earliest.2, held: candidate.legalHold)
    }
}
