import Casework
import Foundation
import Hummingbird
import Intake
import Members
import SichtbarCore
import Workflow

extension CasePages {
    @Sendable func casePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard let id = CaseAPI.pathID(context) else { throw AccessError.notFound }
            let notice = base.confirmation(request, language, known: (Self.forms + ["file", "created"]).map { "case_\($0)" })
            return try await renderCase(id, session: session, language: language, notice: notice)
        }
    }

    /// The case page; after a refused form it is shown again with the refusal on top (and the
    /// status of the refusal), so the counsellor sees the case they were working on.
    func renderCase(
        _ id: EntityID, session: Session, language: Catalogue, status: HTTPResponse.Status = .ok,
        notice: String? = nil, error: String? = nil, posted: FormFields? = nil, postedForm: String? = nil
    ) async throws -> Response {
        let view = try await casework.open(id, for: session)
        let staff = try await casework.staff(for: session)
        var values = caseValues(view, language, staff: staff, posted: postedForm == "transition" ? posted : nil)
        values.merge(partyValues(view.sheet, language, posted: posted, postedForm: postedForm)) { _, parties in parties }
        values["title"] = "\(view.reference) – \(view.sheet.title.isEmpty ? labels(language).kind(view.kind) : view.sheet.title)"
        values["notice"] = notice
        values["error"] = error
        values["mayAssign"] = casework.mayAssign(session)
        values["owners"] = staff.map { ["value": $0, "selected": $0 == session.username] }
        return base.render("case", status: status, language: language, path: "/cases/\(id.hex)", session: session, page: values)
    }

    func caseValues(_ view: CaseView, _ language: Catalogue, staff: [String], posted: FormFields? = nil) -> [String: Any] {
        let words = labels(language)
        let time = PageTime(language: language.code)
        let today = Day(Date())
        var values: [String: Any] = [
            "case": present([
                "id": view.id.hex, "reference": view.reference, "title": view.sheet.title, "kind": words.kind(view.kind),
                "step": words.step(view.step), "stepCode": view.step, "channel": words.channel(view.channel),
                "receivedOn": time.day(view.receivedOn), "outcome": view.sheet.outcome.map(words.outcome),
                "assignees": view.assignees.map { ["username": $0.username, "role": language["assignment_\($0.role.rawValue)"]] },
                "persons": view.sheet.persons.map { ["label": $0.label, "minor": $0.minor] },
            ]),
            "action": "/cases/\(view.id.hex)",
            "today": today.iso,
            "legalHold": view.legalHold,
        ]
        if let report = view.report { values["report"] = reportValues(report, words, time) }
        values["contactDetails"] = view.contactDetails
        values["classification"] = classificationValues(view.counsellorClassification, words)
        let transitions = transitionValues(view, words, posted: posted)
        values["transitions"] = transitions.filter { $0["confirm"] as? Bool != true }
        values["destructive"] = transitions.filter { $0["confirm"] as? Bool == true }
        values["deadlines"] = view.deadlines.map { deadline -> [String: Any] in
            present([
                "label": deadlineLabel(deadline, words), "start": deadline.start.map(time.day), "due": deadline.due.iso,
                "dueText": time.day(deadline.due),
                "state": language["deadline_state_\(deadline.state.rawValue)"], "stateCode": deadline.state.rawValue,
                "overridden": deadline.overridden,
                "manualID":
                    (deadline.rule == DeadlineStatus.manualRule && deadline.state != .met
                    ? deadline.manualID?.hex : nil),
                "owner": deadline.isLegal ? nil : (deadline.owner ?? view.assignees.first { $0.role == .beratung }?.username),
                "missable": casework.policy.isLegalRule(deadline.rule) && deadline.state == .overdue ? deadline.rule : nil,
                "missedReason": deadline.missedReason,
            ])
        }
        values["contacts"] = view.timeline.compactMap(\.contact).map { contact -> [String: Any] in
            present([
                "on": time.day(contact.on), "minutes": String(contact.minutes), "mode": language["contact_mode_\(contact.mode.rawValue)"],
                "with": contact.with, "interpreting": language["interpreting_\(contact.interpreting.rawValue)"],
                "language": contact.language, "note": contact.note,
            ])
        }
        values["modes"] = ContactLogEntry.Mode.allCases.map { ["value": $0.rawValue, "label": language["contact_mode_\($0.rawValue)"]] }
        values["interpretings"] = ContactLogEntry.Interpreting.allCases.map {
            ["value": $0.rawValue, "label": language["interpreting_\($0.rawValue)"]]
        }
        values["documents"] = view.sheet.documents.map { document -> [String: Any] in
            present([
                "id": document.id.hex, "type": words.document(document.type), "counterpart": document.counterpart,
                "scope": document.scope.map { $0 == CaseDocument.everyIntervention ? language["scope_all"] : words.intervention($0) }
                    .joined(separator: ", "),
                "signedOn": time.day(document.signedOn), "revokedOn": document.revokedOn.map(time.day),
                "inForce": document.isInForce(on: today),
                "file": document.file.map { file -> [String: Any] in
                    [
                        "url": "/cases/\(view.id.hex)/documents/\(document.id.hex)/file?lang=\(language.code)",
                        "type": file.mediaType.rawValue, "size": "\(max(1, file.size / 1024)) KiB", "hash": file.hash,
                    ]
                },
            ])
        }
        values["documentTypes"] = casework.policy.documents.map { ["value": $0.code, "label": words.document($0.code)] }
        values["interventionChoices"] = casework.policy.interventions.map { ["value": $0.code, "label": words.intervention($0.code)] }
        values["interventions"] = view.sheet.interventions.map {
            present(["label": words.intervention($0.code), "counterpart": $0.counterpart, "on": time.day($0.on)])
        }
        values["events"] = view.sheet.events.map { ["label": words.event($0.code), "on": time.day($0.on)] }
        values.merge(fieldValues(view.sheet, words, language)) { _, fields in fields }
        values["notes"] = view.timeline.filter { $0.kind == .note }.map {
            ["at": time.time(stamp: $0.at), "actor": $0.actor, "text": $0.text ?? ""]
        }
        values.merge(fileValues(view, language)) { _, files in files }
        values["hasMailbox"] = view.hasMailbox
        values["anyDeadlines"] = !view.deadlines.isEmpty
        values["anyContacts"] = view.timeline.contains { $0.contact != nil }
        values["anyDocuments"] = !view.sheet.documents.isEmpty
        values["anyInterventions"] = !view.sheet.interventions.isEmpty
        values["messages"] = view.messages.map { message -> [String: Any] in
            var values: [String: Any] = [
                "fromOffice": message.from == .office, "from": language["message_from_\(message.from.rawValue)"],
                "text": message.text, "on": time.day(message.on),
            ]
            if let file = message.file {
                values["file"] = [
                    "url": "/cases/\(view.id.hex)/reporter-files/\(file.recordID.hex)?lang=\(language.code)",
                    "type": file.mediaType.rawValue, "size": ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file),
                    "hash": file.hash,
                ]
            }
            return values
        }
        values["timeline"] = historyValues(view, words, language, time)
        if view.reporterUnread, let newest = view.messages.last(where: { $0.from == .reporter }) {
            values["newestReporter"] = present([
                "messageText": newest.text.isEmpty ? nil : newest.text, "on": time.day(newest.on),
                "fileNote": newest.file == nil ? nil : language["reporter_newest_file"],
            ])
        }
        let assigned = Dictionary(view.assignees.map { ($0.username, $0.role) }, uniquingKeysWith: { first, _ in first })
        values["staff"] = staff.map { username -> [String: Any] in
            // "Not involved" first, then the roles; both lists are mapped to options together.
            [
                "username": username,
                "roles": ([("", "assignment_none")] + CaseAssignment.Role.allCases.map { ($0.rawValue, "assignment_\($0.rawValue)") })
                    .map { ["value": $0.0, "label": language[$0.1], "selected": (assigned[username]?.rawValue ?? "") == $0.0] },
            ]
        }
        values["personRows"] = (view.sheet.persons + [AffectedPerson(label: "", minor: false)]).enumerated().map {
            ["index": String($0.offset), "label": $0.element.label, "minor": $0.element.minor]
        }
        return values
    }

    /// The history, newest first: every entry of the timeline and the conversation with the
    /// reporter, which the store keeps by day only, so a day's messages follow its entries.
    func historyValues(_ view: CaseView, _ words: PolicyLabels, _ language: Catalogue, _ time: PageTime) -> [[String: Any]] {
        let entries = view.timeline.map { entry -> (key: String, values: [String: Any]) in
            (
                entry.at,
                [
                    "at": time.time(stamp: entry.at), "actor": entry.actor, "kind": language["timeline_\(entry.kind.rawValue)"],
                    "text": timelineText(entry, words, language),
                ]
            )
        }
        let messages = view.messages.map { message -> (key: String, values: [String: Any]) in
            let text =
                message.text.isEmpty
                ? (message.file.map { "\($0.mediaType.rawValue), SHA-256 \($0.hash.prefix(16))…" } ?? "") : message.text
            return (
                "\(message.on.iso)T99:\(String(format: "%08d", message.sequence))",
                [
                    "at": time.day(message.on),
                    "actor": message.from == .reporter ? language["message_from_reporter"] : language["message_from_office"],
                    "kind": language["timeline_message_\(message.from.rawValue)"], "text": text, "message": true,
                ]
            )
        }
        return (entries + messages).sorted { $0.key > $1.key }.map(\.values)
    }

    func reportValues(_ report: ReportContent, _ words: PolicyLabels, _ time: PageTime) -> [String: Any] {
        present([
            "narrative": report.narrative, "incidentDate": report.incidentDate.map(time.day),
            "learnedDate": report.learnedDate.map(time.day),
            "submittedOn": time.day(report.submittedOn), "language": report.language,
            "grounds": report.grounds.map { words.code($0, of: "ground") }.joined(separator: ", "),
            "area": report.area.map { words.code($0, of: "area") }, "region": report.region.map(words.region),
            "role": report.role.map { words.code($0, of: "role") },
        ])
    }

    /// The counsellor's classification as read, and the form to change it: every facet of the
    /// taxonomy but the channel (that is the case's own), codes ticked where chosen.
    func classificationValues(_ classification: CaseClassification?, _ words: PolicyLabels) -> [String: Any] {
        let chosen = classification?.codes ?? [:]
        let facets = casework.taxonomy.facets.filter { $0.key != "channel" }
        return present([
            "present": classification != nil,
            "month": classification?.month,
            "read": facets.compactMap { facet -> [String: String]? in
                guard let codes = chosen[facet.key], !codes.isEmpty else { return nil }
                return ["facet": words.facet(facet.key), "codes": codes.map { words.code($0, of: facet.key) }.joined(separator: ", ")]
            },
            "readRegion": classification?.region.map(words.region),
            "facets": facets.map { facet -> [String: Any] in
                [
                    "key": facet.key, "label": words.facet(facet.key), "multi": facet.multiValued,
                    "codes": facet.codes.map { code -> [String: Any] in
                        [
                            "value": code.code, "label": words.code(code.code, of: facet.key), "child": code.parent != nil,
                            "checked": chosen[facet.key]?.contains(code.code) ?? false,
                        ]
                    },
                    "noneChecked": chosen[facet.key]?.isEmpty ?? true,
                ]
            },
            "regions": casework.taxonomy.regions.map { ["value": $0.key, "label": $0.name, "selected": $0.key == classification?.region] },
            "flags": casework.taxonomy.flags.keys.sorted().map {
                ["value": $0, "label": words.flag($0), "checked": classification?.flags.contains($0) ?? false]
            },
        ])
    }

    /// One form per way the policy allows from here, asking only for what that way needs.
    func transitionValues(_ view: CaseView, _ words: PolicyLabels, posted: FormFields? = nil) -> [[String: Any]] {
        view.transitions.map { transition -> [String: Any] in
            // Taking a step back names the step the case returns to.
            let target = transition.returnsToPrevious ? (view.sheet.previous?.step ?? view.step) : transition.to
            var values: [String: Any] = [
                "name": transition.name, "from": view.step, "to": transition.to, "toLabel": words.step(target),
                "shreds": transition.shreds, "reason": transition.needsReason, "confirm": transition.needsConfirmation,
                "back": transition.returnsToPrevious,
            ]
            if transition.needsRequester {
                values["requesters"] = [
                    "choices": casework.policy.requesters.map { ["value": $0.code, "label": words.requester($0.code)] }
                ]
            }
            // The refused form of this way comes back with what was sent.
            let refill = posted?["to"] == transition.to ? posted : nil
            if let reason = refill?["reason"] { values["reasonText"] = reason }
            if transition.needsIntervention {
                values["intervention"] = [
                    "choices": casework.policy.interventions.map {
                        ["value": $0.code, "label": words.intervention($0.code), "selected": refill?["intervention"] == $0.code]
                    }
                ]
            }
            if !transition.outcomes.isEmpty {
                values["outcomeChoices"] = ["choices": transition.outcomes.map { ["value": $0, "label": words.outcome($0)] }]
            }
            return values
        }
    }

    func timelineText(_ entry: TimelineEntry, _ words: PolicyLabels, _ language: Catalogue) -> String {
        if let transition = entry.transition {
            var text = "\(words.step(transition.from)) → \(words.step(transition.to))"
            if let intervention = transition.intervention { text += " · \(words.intervention(intervention))" }
            if let outcome = transition.outcome { text += " · \(words.outcome(outcome))" }
            if let requester = transition.requester { text += " · \(words.requester(requester))" }
            if let reason = transition.reason { text += " · \(reason)" }
            return text
        }
        if let document = entry.document { return words.document(document.type) + (document.counterpart.map { " · \($0)" } ?? "") }
        if let event = entry.event { return "\(words.event(event.code)) · \(event.on.iso)" }
        if let deadline = entry.deadline {
            return "\(deadline.rule.map(words.deadline) ?? deadline.label) · \(deadline.due.iso)" + (entry.text.map { " · \($0)" } ?? "")
        }
        if let contact = entry.contact { return "\(contact.on.iso) · \(contact.with)" }
        if entry.kind == .assignment, let text = entry.text {
            // Stored as "user:role,…"; shown as "Beratung: user, Co-Beratung: user".
            let parts = text.split(separator: ",").map { pair -> String in
                let halves = pair.split(separator: ":", maxSplits: 1).map(String.init)
                guard halves.count == 2 else { return String(pair) }
                return "\(language["assignment_\(halves[1])"]): \(halves[0])"
            }
            return parts.isEmpty ? language["assignment_nobody"] : parts.joined(separator: ", ")
        }
        if entry.kind == .created, let text = entry.text {
            let halves = text.split(separator: " ").map(String.init)
            if halves.count == 2 { return "\(words.kind(halves[0])) · \(words.channel(halves[1]))" }
        }
        if entry.kind == .party, let text = entry.text {
            let halves = text.split(separator: ":", maxSplits: 1).map(String.init)
            if halves.count == 2 { return "\(language["party_role_\(halves[0])"]): \(halves[1])" }
        }
        if entry.kind == .fields, let text = entry.text {
            return text == "klassifizierung"
                ? language["fields_follow"] : text.split(separator: ",").map { words.field(String($0)) }.joined(separator: ", ")
        }
        return entry.text ?? ""
    }
}
