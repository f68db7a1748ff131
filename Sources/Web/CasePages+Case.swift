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
        let page = casePageView(
            view, language, session: session, staff: staff, notice: notice, error: error, posted: posted, postedForm: postedForm)
        return base.render("case", status: status, language: language, path: "/cases/\(id.hex)", session: session, page: page)
    }

    func casePageView(
        _ view: CaseView, _ language: Catalogue, session: Session, staff: [String], notice: String?, error: String?,
        posted: FormFields?, postedForm: String?
    ) -> CasePageView {
        let words = labels(language)
        let time = PageTime(language: language.code)
        let today = Day(Date())
        let summary = CasePageView.Summary(
            id: view.id.hex, reference: view.reference, title: view.sheet.title, kind: words.kind(view.kind),
            step: words.step(view.step), stepCode: view.step, channel: words.channel(view.channel),
            receivedOn: time.day(view.receivedOn), outcome: view.sheet.outcome.map(words.outcome),
            assignees: view.assignees.map {
                CasePageView.Assignee(username: $0.username, role: language["assignment_\($0.role.rawValue)"])
            },
            persons: view.sheet.persons.map { CasePageView.Person(label: $0.label, minor: $0.minor) })
        let transitions = transitionValues(view, words, posted: postedForm == "transition" ? posted : nil)
        let fields = fieldValues(view.sheet, words, language)
        let parties = partyValues(view.sheet, language, posted: posted, postedForm: postedForm)
        let letters = fileValues(view, language)
        let contacts = view.timeline.compactMap(\.contact).map { contact in
            CasePageView.Contact(
                on: time.day(contact.on), minutes: String(contact.minutes), mode: language["contact_mode_\(contact.mode.rawValue)"],
                with: contact.with, interpreting: language["interpreting_\(contact.interpreting.rawValue)"],
                language: contact.language, note: contact.note)
        }
        let interventions = view.sheet.interventions.map {
            CasePageView.Intervention(label: words.intervention($0.code), counterpart: $0.counterpart, on: time.day($0.on))
        }
        let notes = view.timeline.filter { $0.kind == .note }.map {
            CasePageView.Note(at: time.time(stamp: $0.at), actor: $0.actor, text: $0.text ?? "")
        }
        let personRows = (view.sheet.persons + [AffectedPerson(label: "", minor: false)]).enumerated().map {
            CasePageView.PersonRow(index: String($0.offset), label: $0.element.label, minor: $0.element.minor)
        }
        return CasePageView(
            title: "\(view.reference) – \(view.sheet.title.isEmpty ? words.kind(view.kind) : view.sheet.title)",
            case: summary, notice: notice, error: error, action: "/cases/\(view.id.hex)", today: today.iso,
            legalHold: view.legalHold, newestReporter: newestReporter(view, language, time),
            transitions: transitions.filter { !$0.confirm }, destructive: transitions.filter(\.confirm),
            legalFields: fields.legalFields, deadlines: deadlineRows(view, words, language, time),
            anyDeadlines: !view.deadlines.isEmpty, rules: fields.rules,
            owners: staff.map { CaseFormChoice(value: $0, label: $0, selected: $0 == session.username) },
            events: view.sheet.events.map { CasePageView.Event(label: words.event($0.code), on: time.day($0.on)) },
            eventChoices: fields.eventChoices, report: view.report.map { reportValues($0, words, time) },
            contactDetails: view.contactDetails, classification: classificationValues(view.counsellorClassification, words),
            contacts: contacts, anyContacts: !contacts.isEmpty,
            modes: ContactLogEntry.Mode.allCases.map {
                CaseFormChoice(value: $0.rawValue, label: language["contact_mode_\($0.rawValue)"])
            },
            interpretings: ContactLogEntry.Interpreting.allCases.map {
                CaseFormChoice(value: $0.rawValue, label: language["interpreting_\($0.rawValue)"])
            },
            parties: parties.parties, anyParties: parties.anyParties, partyRoles: parties.partyRoles,
            documents: documentRows(view, words, language, time, today: today), anyDocuments: !view.sheet.documents.isEmpty,
            documentTypes: parties.documentTypes
                ?? casework.policy.documents.map { CaseFormChoice(value: $0.code, label: words.document($0.code)) },
            documentParties: parties.documentParties, transitionParties: parties.transitionParties,
            interventionChoices: parties.interventionChoices
                ?? casework.policy.interventions.map { CaseFormChoice(value: $0.code, label: words.intervention($0.code)) },
            postedDocument: parties.postedDocument, scopeAll: parties.scopeAll,
            interventions: interventions, anyInterventions: !interventions.isEmpty,
            letters: letters.letters, anyLetters: letters.anyLetters, letterTemplates: letters.letterTemplates,
            notes: notes, hasMailbox: view.hasMailbox, messages: messageRows(view, language, time),
            mayAssign: casework.mayAssign(session), staff: staffRows(view, staff, language), personRows: personRows,
            timeline: historyValues(view, words, language, time))
    }

    func deadlineRows(_ view: CaseView, _ words: PolicyLabels, _ language: Catalogue, _ time: PageTime) -> [CasePageView.Deadline] {
        view.deadlines.map { deadline in
            CasePageView.Deadline(
                label: deadlineLabel(deadline, words), start: deadline.start.map(time.day), due: deadline.due.iso,
                dueText: time.day(deadline.due),
                state: language["deadline_state_\(deadline.state.rawValue)"], stateCode: deadline.state.rawValue,
                overridden: deadline.overridden,
                manualID: deadline.rule == DeadlineStatus.manualRule && deadline.state != .met ? deadline.manualID?.hex : nil,
                owner: deadline.isLegal ? nil : (deadline.owner ?? view.assignees.first { $0.role == .beratung }?.username),
                missable: casework.policy.isLegalRule(deadline.rule) && deadline.state == .overdue ? deadline.rule : nil,
                missedReason: deadline.missedReason)
        }
    }

    func documentRows(
        _ view: CaseView, _ words: PolicyLabels, _ language: Catalogue, _ time: PageTime, today: Day
    ) -> [CasePageView.Document] {
        view.sheet.documents.map { document in
            CasePageView.Document(
                id: document.id.hex, type: words.document(document.type), counterpart: document.counterpart,
                scope: document.scope.map { $0 == CaseDocument.everyIntervention ? language["scope_all"] : words.intervention($0) }
                    .joined(separator: ", "),
                signedOn: time.day(document.signedOn), revokedOn: document.revokedOn.map(time.day),
                inForce: document.isInForce(on: today),
                file: document.file.map { file in
                    CasePageView.FileLink(
                        url: "/cases/\(view.id.hex)/documents/\(document.id.hex)/file?lang=\(language.code)",
                        type: file.mediaType.rawValue, size: "\(max(1, file.size / 1024)) KiB", hash: file.hash)
                })
        }
    }

    func messageRows(_ view: CaseView, _ language: Catalogue, _ time: PageTime) -> [CasePageView.Message] {
        view.messages.map { message in
            CasePageView.Message(
                fromOffice: message.from == .office, from: language["message_from_\(message.from.rawValue)"],
                text: message.text, on: time.day(message.on),
                file: message.file.map { file in
                    CasePageView.FileLink(
                        url: "/cases/\(view.id.hex)/reporter-files/\(file.recordID.hex)?lang=\(language.code)",
                        type: file.mediaType.rawValue,
                        size: ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file), hash: file.hash)
                })
        }
    }

    /// The reporter's newest message while the office has not read it.
    func newestReporter(_ view: CaseView, _ language: Catalogue, _ time: PageTime) -> CasePageView.NewestReporter? {
        guard view.reporterUnread, let newest = view.messages.last(where: { $0.from == .reporter }) else { return nil }
        return CasePageView.NewestReporter(
            messageText: newest.text.isEmpty ? nil : newest.text, on: time.day(newest.on),
            fileNote: newest.file == nil ? nil : language["reporter_newest_file"])
    }

    /// Each member with a select of their role on the case: "not involved" first, then the roles.
    func staffRows(_ view: CaseView, _ staff: [String], _ language: Catalogue) -> [CasePageView.StaffMember] {
        let assigned = Dictionary(view.assignees.map { ($0.username, $0.role) }, uniquingKeysWith: { first, _ in first })
        let roles = [("", "assignment_none")] + CaseAssignment.Role.allCases.map { ($0.rawValue, "assignment_\($0.rawValue)") }
        return staff.map { username in
            CasePageView.StaffMember(
                username: username,
                roles: roles.map {
                    CaseFormChoice(value: $0.0, label: language[$0.1], selected: (assigned[username]?.rawValue ?? "") == $0.0)
                })
        }
    }

    /// The history, newest first: every entry of the timeline and the conversation with the
    /// reporter, which the store keeps by day only, so a day's messages follow its entries.
    func historyValues(_ view: CaseView, _ words: PolicyLabels, _ language: Catalogue, _ time: PageTime) -> [CasePageView.HistoryEntry] {
        let entries = view.timeline.map { entry -> (key: String, values: CasePageView.HistoryEntry) in
            (
                entry.at,
                CasePageView.HistoryEntry(
                    at: time.time(stamp: entry.at), actor: entry.actor, kind: language["timeline_\(entry.kind.rawValue)"],
                    text: timelineText(entry, words, language), message: false)
            )
        }
        let messages = view.messages.map { message -> (key: String, values: CasePageView.HistoryEntry) in
            let text =
                message.text.isEmpty
                ? (message.file.map { "\($0.mediaType.rawValue), SHA-256 \($0.hash.prefix(16))…" } ?? "") : message.text
            return (
                "\(message.on.iso)T99:\(String(format: "%08d", message.sequence))",
                CasePageView.HistoryEntry(
                    at: time.day(message.on),
                    actor: message.from == .reporter ? language["message_from_reporter"] : language["message_from_office"],
                    kind: language["timeline_message_\(message.from.rawValue)"], text: text, message: true)
            )
        }
        return (entries + messages).sorted { $0.key > $1.key }.map(\.values)
    }

    func reportValues(_ report: ReportContent, _ words: PolicyLabels, _ time: PageTime) -> CasePageView.Report {
        CasePageView.Report(
            narrative: report.narrative, incidentDate: report.incidentDate.map(time.day),
            learnedDate: report.learnedDate.map(time.day),
            submittedOn: time.day(report.submittedOn), language: report.language,
            grounds: report.grounds.map { words.code($0, of: "ground") }.joined(separator: ", "),
            area: report.area.map { words.code($0, of: "area") }, region: report.region.map(words.region),
            role: report.role.map { words.code($0, of: "role") })
    }

    /// The counsellor's classification as read, and the form to change it: every facet of the
    /// taxonomy but the channel (that is the case's own), codes ticked where chosen.
    func classificationValues(_ classification: CaseClassification?, _ words: PolicyLabels) -> CasePageView.Classification {
        let chosen = classification?.codes ?? [:]
        let facets = casework.taxonomy.facets.filter { $0.key != "channel" }
        return CasePageView.Classification(
            present: classification != nil,
            month: classification?.month,
            read: facets.compactMap { facet in
                guard let codes = chosen[facet.key], !codes.isEmpty else { return nil }
                return CasePageView.FacetCodes(
                    facet: words.facet(facet.key), codes: codes.map { words.code($0, of: facet.key) }.joined(separator: ", "))
            },
            readRegion: classification?.region.map(words.region),
            facets: facets.map { facet in
                CasePageView.Facet(
                    key: facet.key, label: words.facet(facet.key), multi: facet.multiValued,
                    codes: facet.codes.map { code in
                        CasePageView.Code(
                            value: code.code, label: words.code(code.code, of: facet.key), child: code.parent != nil,
                            checked: chosen[facet.key]?.contains(code.code) ?? false)
                    },
                    noneChecked: chosen[facet.key]?.isEmpty ?? true)
            },
            regions: casework.taxonomy.regions.map {
                CaseFormChoice(value: $0.key, label: $0.name, selected: $0.key == classification?.region)
            },
            flags: casework.taxonomy.flags.keys.sorted().map {
                CaseFormChoice(value: $0, label: words.flag($0), checked: classification?.flags.contains($0) ?? false)
            })
    }

    /// One form per way the policy allows from here, asking only for what that way needs.
    func transitionValues(_ view: CaseView, _ words: PolicyLabels, posted: FormFields? = nil) -> [CasePageView.Transition] {
        view.transitions.map { transition in
            // Taking a step back names the step the case returns to.
            let target = transition.returnsToPrevious ? (view.sheet.previous?.step ?? view.step) : transition.to
            // The refused form of this way comes back with what was sent.
            let refill = posted?["to"] == transition.to ? posted : nil
            return CasePageView.Transition(
                name: transition.name, from: view.step, to: transition.to, toLabel: words.step(target),
                shreds: transition.shreds, reason: transition.needsReason, confirm: transition.needsConfirmation,
                back: transition.returnsToPrevious,
                requesters: transition.needsRequester
                    ? CasePageView.Choices(
                        choices: casework.policy.requesters.map { CaseFormChoice(value: $0.code, label: words.requester($0.code)) })
                    : nil,
                reasonText: refill?["reason"],
                intervention: transition.needsIntervention
                    ? CasePageView.Choices(
                        choices: casework.policy.interventions.map {
                            CaseFormChoice(
                                value: $0.code, label: words.intervention($0.code), selected: refill?["intervention"] == $0.code)
                        })
                    : nil,
                outcomeChoices: transition.outcomes.isEmpty
                    ? nil : CasePageView.Choices(choices: transition.outcomes.map { CaseFormChoice(value: $0, label: words.outcome($0)) }))
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
