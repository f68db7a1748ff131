import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore
@testable import Workflow

@Suite("WorkflowPolicy: the default file, and inconsistent policies refused with their line")
struct WorkflowPolicyTests {
    static func text() throws -> String {
        try String(contentsOf: Repository.workflow, encoding: .utf8)
    }

    /// The 1-based line of the first line containing `needle` in `text`.
    static func line(of needle: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func theDefaultPolicyLoads() throws {
        let policy = try defaultWorkflow()
        #expect(policy.steps.count == 12)
        #expect(policy.startStep == "eingegangen")
        #expect(policy.kinds.map(\.code) == ["meldung", "beratungsfall", "organisationsberatung"])
        #expect(
            policy.documents.map(\.code) == ["vollmacht", "schweigepflichtentbindung", "einwilligung", "einwilligung_sorgeberechtigte"])
        #expect(policy.intervention("beschwerdebrief")?.requires == [DocumentRequirement(document: "vollmacht", namesCounterpart: true)])
        #expect(policy.intervention("verweisberatung")?.requires == [])
        #expect(policy.deadlines.first { $0.code == "arbgg_61b" }?.period == .months(3))
        #expect(policy.deadlines.first { $0.code == "vwgo_58" }?.period == .years(1))
        #expect(policy.warnDays == 14)
        // `open` and `closed` expand to the steps so marked.
        #expect(
            policy.transition(named: "zurueckziehen")?.from == [
                "eingegangen", "erstkontakt", "sachverhaltsklaerung", "auftragsklaerung", "intervention",
            ])
        #expect(
            policy.transition(named: "wiederaufnahme")?.from == [
                "abschluss", "nachbereitung", "weitervermittelt", "kein_kontakt", "zurueckgezogen",
            ])
        for language in policy.languages {
            for step in policy.steps { #expect(step.labels[language]?.isEmpty == false, "\(step.code) in \(language)") }
        }
    }

    /// Each edit breaks one rule; the refusal names the problem and the line it is on.
    static let edits: [(name: String, replace: String, with: String, problem: String, lineOf: String?)] = [
        (
            "a transition to an unknown step", "to: nachbereitung}", "to: nachbereitun}", "leads to the unknown step 'nachbereitun'",
            "to: nachbereitun}"
        ),
        (
            "a transition from an unknown step", "{name: nachbereiten, from: [abschluss]", "{name: nachbereiten, from: [abschlus]",
            "starts from the unknown step 'abschlus'", "from: [abschlus]"
        ),
        (
            "a gate naming an unknown document type", "requires: [{document: vollmacht, counterpart: true}]",
            "requires: [{document: volmacht, counterpart: true}]", "names the document type 'volmacht'", "document: volmacht"
        ),
        (
            "a gate wanting a counterpart the type cannot name",
            "requires: [{document: einwilligung}]\n    minors: [{document: einwilligung_sorgeberechtigte}]\n  vermittlungsgespraech",
            "requires: [{document: einwilligung, counterpart: true}]\n    minors: [{document: einwilligung_sorgeberechtigte}]\n  vermittlungsgespraech",
            "wants a 'einwilligung' naming the counterpart", "document: einwilligung, counterpart: true"
        ),
        (
            "a deadline on an unknown event", "from: [tat_und_taeter_bekannt]", "from: [tat_bekannt]",
            "deadline 'stgb_77b' names the event 'tat_bekannt' in from", "from: [tat_bekannt]"
        ),
        (
            "a deadline met by an unknown event", "met_by: [strafantrag_gestellt]", "met_by: [strafantrag]",
            "names the event 'strafantrag' in met_by", "met_by: [strafantrag]"
        ),
        (
            "a transition recording an unknown event", "records: [erstkontakt_erfolgt]}\n", "records: [erstkontakt_erfolg]}\n",
            "names 'erstkontakt_erfolg' in records", "records: [erstkontakt_erfolg]}"
        ),
        (
            "an outcome the policy does not list", "outcomes: [kurzberatung, information, verweis]}",
            "outcomes: [kurzberatung, information, verweisen]}",
            "names 'verweisen' in outcomes", "verweisen]}"
        ),
        (
            "an unreachable step", "  geloescht: {final: true,",
            "  vergessen: {labels: {de: \"Vergessen\", en: \"Forgotten\"}}\n  geloescht: {final: true,",
            "the step 'vergessen' cannot be reached", "  vergessen:"
        ),
        (
            "two transitions between the same steps", "  - {name: nachbereiten, from: [abschluss], to: nachbereitung}",
            "  - {name: nachbereiten, from: [abschluss], to: nachbereitung}\n  - {name: nachbereiten_zwei, from: [abschluss], to: nachbereitung}",
            "transitions 'nachbereiten' and 'nachbereiten_zwei' both lead from 'abschluss' to 'nachbereitung'", "nachbereiten_zwei"
        ),
        (
            "a repeated transition name", "{name: kein_kontakt, from", "{name: weitervermitteln, from",
            "the transition name 'weitervermitteln' is used twice", "{name: weitervermitteln, from: [eingegangen"
        ),
        (
            "a misspelt key", "reason: true, records: [loeschung_erledigt]}", "reasons: true, records: [loeschung_erledigt]}",
            "has the unknown key 'reasons'", "reasons: true"
        ),
        (
            "shredding into a step that is not final", "to: geloescht, shreds: true", "to: zurueckgezogen, shreds: true",
            "shreds the case, so it must lead to a final step", "to: zurueckgezogen, shreds: true"
        ),
        (
            "a role that does not work cases", "{name: nachbereiten, from: [abschluss], to: nachbereitung}",
            "{name: nachbereiten, from: [abschluss], to: nachbereitung, roles: [analyst]}", "names the role 'analyst'", "roles: [analyst]"
        ),
        (
            "a label missing in English", "erstkontakt: {labels: {de: \"Erstkontakt\", en: \"First contact\"}}",
            "erstkontakt: {labels: {de: \"Erstkontakt\"}}", "lack 'en'", "erstkontakt: {labels: {de: \"Erstkontakt\"}}"
        ),
        (
            "a period in two units", "period: {days: 7}", "period: {days: 7, weeks: 1}", "must name exactly one of days",
            "period: {days: 7, weeks: 1}"
        ),
        ("a period in hours", "period: {days: 7}", "period: {hours: 7}", "not 'hours'", "period: {hours: 7}"),
        ("a second start", "erstkontakt: {labels:", "erstkontakt: {start: true, labels:", "exactly one step must be the start", nil),
        (
            "no deletion step", "loeschung_beantragt: {labels", "loeschung_erbeten: {labels", "the step 'loeschung_beantragt' is missing",
            nil
        ),
        (
            "a transition out of a final step", "{name: loeschung_bestaetigen, from: [loeschung_beantragt]",
            "{name: loeschung_bestaetigen, from: [geloescht]", "a final step", "from: [geloescht]"
        ),
    ]

    @Test(arguments: 0..<edits.count)
    func anInconsistentPolicyIsRefused(index: Int) throws {
        let edit = Self.edits[index]
        let original = try Self.text()
        #expect(original.contains(edit.replace), "the edit '\(edit.name)' no longer applies to the default file")
        let edited = original.replacingOccurrences(of: edit.replace, with: edit.with)
        do {
            _ = try WorkflowPolicy.parse(edited, file: "workflow.yaml")
            Issue.record("\(edit.name) was accepted")
        } catch let error as PolicyError {
            #expect(error.problem.contains(edit.problem), "\(edit.name): \(error)")
            #expect(error.file == "workflow.yaml")
            if let needle = edit.lineOf {
                #expect(error.line == Self.line(of: needle, in: edited), "\(edit.name): \(error)")
            }
        }
    }

    @Test func aStepWithoutAWayOutIsRefused() throws {
        // Remove every way out of nachbereitung: reopening (from closed steps) and the deletion request.
        let edited = try Self.text()
            .replacingOccurrences(
                of: "{name: wiederaufnahme, from: [closed]",
                with: "{name: wiederaufnahme, from: [abschluss, weitervermittelt, kein_kontakt, zurueckgezogen]"
            )
            .replacingOccurrences(
                of: "{name: loeschung_beantragen, from: [open, closed]",
                with: "{name: loeschung_beantragen, from: [open, abschluss, weitervermittelt, kein_kontakt, zurueckgezogen]")
        #expect(throws: PolicyError.self) { try WorkflowPolicy.parse(edited, file: "workflow.yaml") }
        do {
            _ = try WorkflowPolicy.parse(edited, file: "workflow.yaml")
        } catch let error as PolicyError {
            #expect(error.problem == "the step 'nachbereitung' has no way out but is not final")
            #expect(error.line == Self.line(of: "  nachbereitung:", in: edited))
        }
    }
}
