import Foundation
import Sealing

extension CaseworkService {
    /// Moves a case through the workflow. The engine decides; a refusal is thrown as a
    /// `WorkflowRejection` (stale step, forbidden, document missing, invalid input). Confirming a
    /// deletion crypto-shreds the case.
    @discardableResult
    public func transition(_ id: EntityID, _ request: TransitionRequest, by session: Session) async throws -> CaseState {
        var result: CaseState?
        try await change(id, by: session) { sheet, row, _ in
            let state = sheet.state(kind: row.kind, step: row.step)
            let change: WorkflowChange
            switch workflow.decide(request, state: state, caseID: row.id, actor: session.username, role: session.role, at: now()) {
            case .success(let accepted): change = accepted
            case .failure(let rejection): throw rejection
            }
            result = change.state
            if change.shreds {
                return CaseChange(audit: change.audit, shreds: true)
            }
            let today = Day(now())
            sheet.outcome = change.state.outcome
            sheet.closedOn = change.state.closedOn
            sheet.events += change.recordedEvents.map { RecordedEvent(code: $0, on: today) }
            if let code = request.intervention, change.transition.needsIntervention {
                let counterpart = request.counterpart?.trimmingCharacters(in: .whitespacesAndNewlines)
                sheet.interventions.append(InterventionRecord(code: code, counterpart: counterpart, on: today))
            }
            var logged = entry(.transition, by: session, text: request.reason)
            logged.transition = request
            return CaseChange(entries: [logged], audit: change.audit, step: change.state.step, kind: change.state.kind)
        }
        guard let result else { throw AccessError.notFound }
        return result
    }
}
