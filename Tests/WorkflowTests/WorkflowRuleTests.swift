import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

@Suite("Workflow: gates, inputs, stale steps and the reopening window")
struct WorkflowRuleTests {
    let workflow: Workflow
    let caseID = EntityID.random()
    let today = noon("2026-11-20")

    init() throws {
        workflow = Workflow(policy: try defaultWorkflow())
    }

    func decide(_ request: TransitionRequest, _ state: CaseState, at now: Date? = nil) -> Result<WorkflowChange, WorkflowRejection> {
        workflow.decide(request, state: state, caseID: caseID, actor: "b.test", role: .counsellor, at: now ?? today)
    }

    func vollmacht(
        _ counterpart: String?, scope: [String] = ["beschwerdebrief", "bitte_um_stellungnahme"],
        signed: String = "2026-11-02", revoked: String? = nil, type: String = "vollmacht"
    ) -> CaseDocument {
        CaseDocument(
            id: .random(), type: type, scope: scope, counterpart: counterpart, signedOn: day(signed),
            revokedOn: revoked.map(day))
    }

    var letter: TransitionRequest {
        TransitionRequest(
            from: "auftragsklaerung", to: "intervention", intervention: "beschwerdebrief", counterpart: "Stadtwerke Köln GmbH")
    }

    @Test func aComplaintLetterNeedsAVollmachtNamingTheCounterpart() throws {
        var state = CaseState(kind: "beratungsfall", step: "auftragsklaerung")
        #expect(
            decide(letter, state)
                == .failure(
                    .documentMissing(
                        document: "vollmacht", intervention: "beschwerdebrief",
                        counterpart: "Stadtwerke Köln GmbH")))
        state.documents = [vollmacht("Jobcenter Köln")]
        // One is on file, for someone else: the refusal says so rather than claiming none is there.
        #expect(
            decide(letter, state)
                == .failure(
                    .documentUnfit(
                        document: "vollmacht", intervention: "beschwerdebrief",
                        counterpart: "Stadtwerke Köln GmbH",
                        mismatches: [
                            DocumentMismatch(
                                type: "vollmacht", counterpart: "Jobcenter Köln",
                                signedOn: day("2026-11-02"),
                                reasons: [.otherParty("Jobcenter Köln")])
                        ])))
        state.documents.append(vollmacht("  stadtwerke   KÖLN gmbh "))
        let change = try decide(letter, state).get()
        #expect(change.state.step == "intervention")
        #expect(change.audit.count == 1)
        #expect(change.audit[0].action == AuditAction.caseTransitioned.rawValue)
        #expect(change.audit[0].subject == "\(caseID.hex) intervenieren beschwerdebrief")
        #expect(!change.audit[0].subject.contains("Stadtwerke"), "the counterpart is content and stays out of the audit trail")
    }

    @Test func revokedFutureAndOutOfScopeDocumentsOpenNoGate() {
        let cases: [(String, CaseDocument, [DocumentMismatch.Reason]?)] = [
            ("revoked before today", vollmacht("Stadtwerke Köln GmbH", revoked: "2026-11-19"), [.revoked(day("2026-11-19"))]),
            ("revoked today", vollmacht("Stadtwerke Köln GmbH", revoked: "2026-11-20"), [.revoked(day("2026-11-20"))]),
            ("signed tomorrow", vollmacht("Stadtwerke Köln GmbH", signed: "2026-11-21"), [.signedLater(day("2026-11-21"))]),
            ("other scope", vollmacht("Stadtwerke Köln GmbH", scope: ["begleitung"]), [.notInScope]),
            ("other type", vollmacht("Stadtwerke Köln GmbH", scope: ["alle"], type: "schweigepflichtentbindung"), nil),
            ("no counterpart", vollmacht(nil, scope: ["alle"]), [.otherParty(nil)]),
        ]
        for (name, document, reasons) in cases {
            let state = CaseState(kind: "beratungsfall", step: "auftragsklaerung", documents: [document])
            guard let reasons else {
                #expect(decide(letter, state).failureCode == "document_missing", "\(name): none of the type is on file")
                continue
            }
            guard case .failure(.documentUnfit(_, _, _, let mismatches)) = decide(letter, state) else {
                Issue.record("\(name): not refused as unfit")
                continue
            }
            #expect(mismatches.map(\.reasons) == [reasons], "\(name)")
        }
        let later = CaseState(
            kind: "beratungsfall", step: "auftragsklaerung",
            documents: [vollmacht("Stadtwerke Köln GmbH", scope: ["alle"], revoked: "2026-12-01")])
        #expect(decide(letter, later).failureCode == nil, "revoked only from next month: still in force today")
    }

    @Test func minorsAlsoNeedTheConsentOfTheSorgeberechtigten() throws {
        var state = CaseState(
            kind: "beratungsfall", step: "auftragsklaerung", concernsMinor: true,
            documents: [vollmacht("Gesamtschule Nord")])
        let request = TransitionRequest(
            from: "auftragsklaerung", to: "intervention", intervention: "bitte_um_stellungnahme",
            counterpart: "Gesamtschule Nord")
        #expect(
            decide(request, state)
                == .failure(
                    .documentMissing(
                        document: "einwilligung_sorgeberechtigte",
                        intervention: "bitte_um_stellungnahme", counterpart: nil)))
        state.documents.append(
            CaseDocument(
                id: .random(), type: "einwilligung_sorgeberechtigte", scope: ["alle"], counterpart: nil,
                signedOn: day("2026-11-10")))
        #expect(try decide(request, state).get().state.step == "intervention")
        // A referral needs nothing, for minors too.
        let referral = TransitionRequest(from: "auftragsklaerung", to: "intervention", intervention: "verweisberatung")
        #expect(
            try decide(referral, CaseState(kind: "beratungsfall", step: "auftragsklaerung", concernsMinor: true)).get()
                .state.step == "intervention")
    }

    @Test func mediationNeedsConsentAndAReleaseNamingTheOtherSide() throws {
        var state = CaseState(kind: "beratungsfall", step: "intervention")
        let request = TransitionRequest(
            from: "intervention", to: "intervention", intervention: "vermittlungsgespraech",
            counterpart: "Vermieterin Schulz")
        #expect(decide(request, state).failureCode == "document_missing")
        state.documents = [
            CaseDocument(
                id: .random(), type: "einwilligung", scope: ["vermittlungsgespraech"], counterpart: nil,
                signedOn: day("2026-11-03"))
        ]
        #expect(
            decide(request, state)
                == .failure(
                    .documentMissing(
                        document: "schweigepflichtentbindung",
                        intervention: "vermittlungsgespraech", counterpart: "Vermieterin Schulz")))
        state.documents.append(
            CaseDocument(
                id: .random(), type: "schweigepflichtentbindung", scope: ["alle"],
                counterpart: "Vermieterin Schulz", signedOn: day("2026-11-03")))
        #expect(decide(request, state).failureCode == nil)
    }

    @Test func aStaleStepIsRefusedBeforeAnythingElse() {
        let state = CaseState(kind: "beratungsfall", step: "sachverhaltsklaerung")
        #expect(
            decide(TransitionRequest(from: "erstkontakt", to: "sachverhaltsklaerung"), state)
                == .failure(.staleStep(current: "sachverhaltsklaerung")))
        #expect(decide(TransitionRequest(from: "erstkontakt", to: "geloescht"), state).failureCode == "stale_step")
    }

    @Test func inputsAreCheckedAndNamed() {
        let atIntervention = CaseState(kind: "beratungsfall", step: "intervention")
        let close = TransitionRequest(from: "intervention", to: "abschluss")
        #expect(decide(close, atIntervention).failureField == "outcome")
        var wrongOutcome = close
        wrongOutcome.outcome = "kurzberatung"
        #expect(decide(wrongOutcome, atIntervention).failureField == "outcome")
        var good = close
        good.outcome = "teilweise_erfolgreich"
        #expect((try? decide(good, atIntervention).get())?.state.outcome == "teilweise_erfolgreich")

        let noIntervention = TransitionRequest(from: "auftragsklaerung", to: "intervention")
        #expect(decide(noIntervention, CaseState(kind: "beratungsfall", step: "auftragsklaerung")).failureField == "intervention")
        let unknown = TransitionRequest(from: "auftragsklaerung", to: "intervention", intervention: "demonstration")
        #expect(decide(unknown, CaseState(kind: "beratungsfall", step: "auftragsklaerung")).failureField == "intervention")
        let noCounterpart = TransitionRequest(
            from: "auftragsklaerung", to: "intervention", intervention: "beschwerdebrief", counterpart: " ")
        #expect(decide(noCounterpart, CaseState(kind: "beratungsfall", step: "auftragsklaerung")).failureField == "counterpart")

        let keep = TransitionRequest(from: "loeschung_beantragt", to: "zurueckgezogen", reason: "  ")
        #expect(decide(keep, CaseState(kind: "beratungsfall", step: "loeschung_beantragt")).failureField == "reason")
        let outcomeWhereNone = TransitionRequest(from: "abschluss", to: "nachbereitung", outcome: "erfolgreich")
        #expect(decide(outcomeWhereNone, CaseState(kind: "beratungsfall", step: "abschluss")).failureField == "outcome")
    }

    @Test func aClosedCaseReopensWithinSixMonthsOnly() throws {
        let reopen = TransitionRequest(from: "abschluss", to: "sachverhaltsklaerung")
        let closed = CaseState(kind: "beratungsfall", step: "abschluss", outcome: "erfolgreich", closedOn: day("2026-05-20"))
        let change = try decide(reopen, closed, at: noon("2026-11-20")).get()
        #expect(change.state.closedOn == nil && change.state.outcome == nil)
        #expect(decide(reopen, closed, at: noon("2026-11-21")).failureCode == "transition_forbidden")
        // Month ends: closed on 31 August, six months later is 28 February.
        let lateAugust = CaseState(kind: "beratungsfall", step: "nachbereitung", closedOn: day("2026-08-31"))
        #expect(
            decide(TransitionRequest(from: "nachbereitung", to: "sachverhaltsklaerung"), lateAugust, at: noon("2027-02-28"))
                .failureCode == nil)
        #expect(
            decide(TransitionRequest(from: "nachbereitung", to: "sachverhaltsklaerung"), lateAugust, at: noon("2027-03-01"))
                .failureCode == "transition_forbidden")
    }

    @Test func closingKeepsTheFirstClosingDayAndOutcome() throws {
        let close = TransitionRequest(from: "intervention", to: "abschluss", outcome: "erfolgreich")
        let closed = try decide(close, CaseState(kind: "beratungsfall", step: "intervention"), at: noon("2026-10-01")).get().state
        #expect(closed.closedOn == day("2026-10-01"))
        let followedUp = try decide(TransitionRequest(from: "abschluss", to: "nachbereitung"), closed, at: noon("2026-10-20")).get().state
        #expect(followedUp.closedOn == day("2026-10-01"))
        #expect(followedUp.outcome == "erfolgreich")
    }

    @Test func confirmingADeletionShredsAndIsAudited() throws {
        let unconfirmed = decide(
            TransitionRequest(from: "loeschung_beantragt", to: "geloescht"), CaseState(kind: "meldung", step: "loeschung_beantragt"))
        #expect(unconfirmed.failureField == "confirm", "no one-click shredding")
        let change = try decide(
            TransitionRequest(from: "loeschung_beantragt", to: "geloescht", confirmed: true),
            CaseState(kind: "meldung", step: "loeschung_beantragt")
        ).get()
        #expect(change.shreds)
        #expect(change.audit.map(\.action) == [AuditAction.caseShredded.rawValue])
        #expect(change.recordedEvents == ["loeschung_erledigt"])
    }
}

/// A deletion request names who asked, is confirmed, records Art. 17 only for the person's own
/// request, and can be taken back to where the case stood, outcome and closing day included.
@Suite("Workflow: deletion requests, who asked, confirmation, taking back")
struct DeletionRequestTests {
    let workflow: Workflow

    init() throws { workflow = Workflow(policy: try defaultWorkflow()) }

    func decide(_ request: TransitionRequest, _ state: CaseState, at now: Date = noon("2026-11-20")) -> Result<
        WorkflowChange, WorkflowRejection
    > {
        workflow.decide(request, state: state, caseID: .random(), actor: "b.test", role: .counsellor, at: now)
    }

    @Test func whoAskedDecidesWhetherArt17Runs() throws {
        let closed = CaseState(kind: "beratungsfall", step: "abschluss", outcome: "erfolgreich", closedOn: day("2026-10-01"))
        var request = TransitionRequest(from: "abschluss", to: "loeschung_beantragt", confirmed: true)
        #expect(decide(request, closed).failureField == "requester")
        request.requester = "irgendwer"
        #expect(decide(request, closed).failureField == "requester")
        request.requester = "vorschlag_stelle"
        request.confirmed = nil
        #expect(decide(request, closed).failureField == "confirm")
        request.confirmed = true
        let proposal = try decide(request, closed).get()
        #expect(proposal.recordedEvents.isEmpty, "the office's proposal is no Art. 17 request")
        #expect(proposal.audit.first?.subject.hasSuffix("loeschung_beantragen vorschlag_stelle") == true)
        request.requester = "gespraech"
        #expect(try decide(request, closed).get().recordedEvents == ["loeschung_verlangt"])
        request.requester = "postfach"
        #expect(try decide(request, closed).get().recordedEvents == ["loeschung_verlangt"])
    }

    @Test func aDeletionRequestIsTakenBackToWhereTheCaseStood() throws {
        let closed = CaseState(kind: "beratungsfall", step: "abschluss", outcome: "erfolgreich", closedOn: day("2026-10-01"))
        let requested = try decide(
            TransitionRequest(from: "abschluss", to: "loeschung_beantragt", requester: "gespraech", confirmed: true),
            closed
        ).get().state
        #expect(requested.step == "loeschung_beantragt" && requested.outcome == nil && requested.closedOn == nil)
        #expect(requested.previous == PreviousState(step: "abschluss", outcome: "erfolgreich", closedOn: day("2026-10-01")))
        #expect(
            workflow.available(for: requested, role: .counsellor, at: noon("2026-11-21")).contains { $0.name == "loeschung_zuruecknehmen" })

        let back = try decide(TransitionRequest(from: "loeschung_beantragt", to: "previous"), requested, at: noon("2026-11-21")).get()
        #expect(back.state.step == "abschluss" && back.state.outcome == "erfolgreich" && back.state.closedOn == day("2026-10-01"))
        #expect(back.state.previous == nil)
        #expect(back.recordedEvents == ["loeschung_zurueckgenommen"], "which meets the Art. 12 (3) month")

        // A reporter's withdrawal through the mailbox records no step before: only the reporter takes it back.
        let withdrawn = CaseState(kind: "meldung", step: "loeschung_beantragt")
        #expect(
            !workflow.available(for: withdrawn, role: .counsellor, at: noon("2026-11-21")).contains { $0.name == "loeschung_zuruecknehmen" }
        )
        #expect(decide(TransitionRequest(from: "loeschung_beantragt", to: "previous"), withdrawn).failureCode == "transition_forbidden")
    }

    @Test func aShreddingTransitionWithoutConfirmIsRefusedAtStartUp() throws {
        let text = try String(contentsOf: Repository.workflow, encoding: .utf8)
            .replacingOccurrences(of: "to: geloescht, shreds: true, confirm: true,", with: "to: geloescht, shreds: true,")
        #expect(throws: PolicyError.self) { try WorkflowPolicy.parse(text, file: "workflow.yaml") }
    }
}

extension Result where Failure == WorkflowRejection {
    var failureCode: String? {
        if case .failure(let rejection) = self { return rejection.code }
        return nil
    }

    var failureField: String? {
        if case .failure(.invalidInput(let refusal)) = self { return refusal.field }
        return nil
    }
}
