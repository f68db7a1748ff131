import Foundation
import Members
import Sealing
import SichtbarCore
import Workflow

extension CaseworkService {
    /// Moves a case through the workflow. The engine decides; a refusal is thrown as a
    /// `WorkflowRejection` (stale step, forbidden, document missing, invalid input). Confirming a
    /// deletion crypto-shreds the case.
    @discardableResult
    public func transition(_ id: EntityID, _ request: TransitionRequest, by session: Session) async throws -> CaseState {
        var result: CaseState?
        let statistics = try await latestSecrets(session)
        try await change(id, by: session) { sheet, row, _ in
            let state = sheet.state(kind: row.kind, step: row.step)
            var request = request
            // An intervention aimed at someone is aimed at a party of the case, by its recorded name.
            if let code = request.intervention, policy.intervention(code)?.needsCounterpart == true,
                policy.transition(from: row.step, to: request.to, kind: row.kind)?.needsIntervention == true
            {
                request.counterpart = try party(named: request.counterpart, in: sheet, field: "counterpart").name
            }
            let change: WorkflowChange
            switch workflow.decide(request, state: state, caseID: row.id, actor: session.username, role: session.role, at: now()) {
            case .success(let accepted): change = accepted
            // Refused input is a field error like any other; the rest are the workflow's rules.
            case .failure(.invalidInput(let refusal)): throw refusal
            case .failure(let rejection): throw rejection
            }
            result = change.state
            if change.shreds {
                return CaseChange(audit: change.audit, shreds: true)
            }
            let today = Day(now())
            sheet.outcome = change.state.outcome
            sheet.closedOn = change.state.closedOn
            sheet.previous = change.state.previous
            // An event that happens once in a case (the first contact) is not recorded a second time.
            let already = Set(sheet.events.map(\.code))
            sheet.events += change.recordedEvents.filter { !(policy.event($0)?.once == true && already.contains($0)) }
                .map { RecordedEvent(code: $0, on: today) }
            if let code = request.intervention, change.transition.needsIntervention {
                let counterpart = request.counterpart?.trimmingCharacters(in: .whitespacesAndNewlines)
                sheet.interventions.append(InterventionRecord(code: code, counterpart: counterpart, on: today))
            }
            var logged = entry(.transition, by: session, text: request.reason)
            // The history names the step reached, also where the request said "previous".
            logged.transition = TransitionRequest(
                from: request.from, to: change.state.step, intervention: request.intervention,
                counterpart: request.counterpart, outcome: request.outcome, reason: request.reason,
                requester: request.requester, confirmed: request.confirmed)
            let facets = try await recount(row, sheet: sheet, state: change.state, secrets: statistics)
            return CaseChange(entries: [logged], audit: change.audit, step: change.state.step, kind: change.state.kind, facets: facets)
        }
        guard let result else { throw AccessError.notFound }
        return result
    }
}

extension CaseworkService {
    /// The case's classification resealed with its counting facts as they are after a change
    /// (kind, closing month, outcome, interventions), or nil when it has none or nothing changed
    /// (and it is already sealed in binary under the newest key).
    func recount(_ row: CaseFileRow, sheet: CaseSheet, state: CaseState, secrets: OfficeSecrets) async throws -> SealedFacets? {
        guard let sealed = try await store.facets(caseID: row.id, officeID: row.officeID) else { return nil }
        guard let oldKey = secrets.statisticsKey(version: sealed.keyVersion), let newKey = secrets.statisticsKey(version: secrets.version)
        else { throw AccessError.keysUnavailable }
        let (current, binary) = try FacetCodec.openNotingFormat(sealed, officeID: row.officeID, key: oldKey)
        let updated = current.counting(sheet: sheet, state: state, policy: policy)
        // One sealed in JSON is sealed again in binary, changed or not (docs/decisions.md).
        guard updated != current || sealed.keyVersion != secrets.version || !binary else { return nil }
        return try FacetCodec.seal(updated, officeID: row.officeID, id: sealed.id, keyVersion: secrets.version, key: newKey)
    }
}

extension CaseClassification {
    /// These codes with the counting facts of a case in `state` with `sheet`.
    func counting(sheet: CaseSheet, state: CaseState, policy: WorkflowPolicy) -> CaseClassification {
        let closed = policy.step(state.step).map { $0.isClosed || $0.isFinal } ?? false
        return counting(
            kind: state.kind, closedMonth: closed ? state.closedOn?.monthKey : nil, outcome: closed ? state.outcome : nil,
            interventions: sheet.interventions.map(\.code))
    }
}
