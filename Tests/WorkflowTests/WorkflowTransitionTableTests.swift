import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

/// Every allowed and every forbidden transition of the default policy, against a table written
/// out by hand from the advd workflow in DESIGN.md — not derived from the policy file.
@Suite("Workflow: the default policy's transitions, exhaustively")
struct WorkflowTransitionTableTests {
    static let open = ["eingegangen", "erstkontakt", "sachverhaltsklaerung", "auftragsklaerung", "intervention"]
    static let closed = ["abschluss", "nachbereitung", "weitervermittelt", "kein_kontakt", "zurueckgezogen"]
    static let allSteps = open + closed + ["loeschung_beantragt", "geloescht"]
    static let kinds = ["meldung", "beratungsfall", "organisationsberatung"]

    /// from, to, kinds: the ways the default workflow allows.
    static let allowed: Set<String> = {
        let every = kinds
        let counselling = ["beratungsfall", "organisationsberatung"]
        let meldung = ["meldung"]
        let ways: [(from: [String], to: String, kinds: [String])] = [
            (["eingegangen"], "erstkontakt", every),
            (["eingegangen"], "sachverhaltsklaerung", meldung),  // a Meldung becomes a Beratungsfall
            (["erstkontakt"], "sachverhaltsklaerung", every),
            (["sachverhaltsklaerung"], "auftragsklaerung", every),
            (["auftragsklaerung", "intervention"], "intervention", every),
            (["auftragsklaerung", "intervention"], "sachverhaltsklaerung", every),  // new facts
            (["intervention"], "auftragsklaerung", every),  // a failed intervention
            (["intervention", "sachverhaltsklaerung", "auftragsklaerung"], "abschluss", every),
            (["erstkontakt"], "abschluss", every),  // Kurzberatung, Information, Verweis
            (["eingegangen"], "abschluss", meldung),  // a Meldung documented
            (["abschluss"], "nachbereitung", every),
            (open, "weitervermittelt", every),
            (["eingegangen", "erstkontakt"], "kein_kontakt", every),
            (open, "zurueckgezogen", every),
            (closed, "sachverhaltsklaerung", counselling),  // reopened within six months
            (open + closed, "loeschung_beantragt", every),
            (["loeschung_beantragt"], "geloescht", every),
            (["loeschung_beantragt"], "zurueckgezogen", every),  // kept, with the legal reason
        ]
        return Set(ways.flatMap { way in way.from.flatMap { from in way.kinds.map { "\(from)>\(way.to)>\($0)" } } })
    }()

    /// Inputs that satisfy whatever the transition asks, so only the table decides.
    static func request(from: String, to: String, kind: String, policy: WorkflowPolicy) -> TransitionRequest {
        var request = TransitionRequest(from: from, to: to)
        if let transition = policy.transition(from: from, to: to, kind: kind) {
            request.outcome = transition.outcomes.first
            if transition.needsReason { request.reason = "Die ratsuchende Person möchte nicht weitermachen." }
            if transition.needsIntervention { request.intervention = "verweisberatung" }
            if transition.needsRequester { request.requester = "gespraech" }
            if transition.needsConfirmation { request.confirmed = true }
        }
        return request
    }

    @Test(arguments: kinds)
    func everyPairOfStepsIsAllowedExactlyAsTheTableSays(kind: String) throws {
        let workflow = Workflow(policy: try defaultWorkflow())
        let now = noon("2026-11-20")
        var allowedCount = 0
        for from in Self.allSteps {
            for to in Self.allSteps {
                let expected = Self.allowed.contains("\(from)>\(to)>\(kind)")
                let state = CaseState(kind: kind, step: from, closedOn: Self.closed.contains(from) ? day("2026-11-01") : nil)
                for role in [MemberRole.counsellor, .lead] {
                    let result = workflow.decide(
                        Self.request(from: from, to: to, kind: kind, policy: workflow.policy), state: state,
                        caseID: .random(), actor: "b.test", role: role, at: now)
                    switch result {
                    case .success(let change):
                        #expect(expected, "\(from) → \(to) for a \(kind) should be forbidden")
                        #expect(change.state.step == to)
                    case .failure(let rejection):
                        #expect(!expected, "\(from) → \(to) for a \(kind) should be allowed, got \(rejection)")
                        if !expected { #expect(rejection.code == "transition_forbidden", "\(from) → \(to): \(rejection)") }
                    }
                }
                if expected { allowedCount += 1 }
                // Analysts never move a case.
                let analyst = workflow.decide(
                    Self.request(from: from, to: to, kind: kind, policy: workflow.policy), state: state,
                    caseID: .random(), actor: "a.test", role: .analyst, at: now)
                #expect((try? analyst.get()) == nil)
            }
        }
        #expect(allowedCount == Self.allowed.filter { $0.hasSuffix(">\(kind)") }.count)
    }

    @Test func theCasePageOffersExactlyTheAllowedWays() throws {
        let workflow = Workflow(policy: try defaultWorkflow())
        for kind in Self.kinds {
            for from in Self.allSteps {
                let state = CaseState(kind: kind, step: from, closedOn: Self.closed.contains(from) ? day("2026-11-01") : nil)
                let offered = Set(workflow.available(for: state, role: .counsellor, at: noon("2026-11-20")).map(\.to))
                let expected = Set(Self.allSteps.filter { Self.allowed.contains("\(from)>\($0)>\(kind)") })
                #expect(offered == expected, "\(kind) in \(from)")
                #expect(workflow.available(for: state, role: .analyst, at: noon("2026-11-20")).isEmpty)
            }
        }
    }

    @Test func aMeldungBecomesABeratungsfallWhenCounsellingBegins() throws {
        let workflow = Workflow(policy: try defaultWorkflow())
        let change = try workflow.decide(
            TransitionRequest(from: "eingegangen", to: "sachverhaltsklaerung"),
            state: CaseState(kind: "meldung", step: "eingegangen"), caseID: .random(),
            actor: "b.test", role: .counsellor, at: noon("2026-11-20")
        ).get()
        #expect(change.state.kind == "beratungsfall")
        #expect(change.recordedEvents == ["erstkontakt_erfolgt"])
    }
}
