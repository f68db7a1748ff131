import Foundation
import SichtbarCore

extension WorkflowPolicy {
    /// Loads and checks `workflow.yaml`; the server refuses to start on any problem, named with
    /// its file and line.
    public static func load(from url: URL) throws -> WorkflowPolicy {
        try parse(try PolicyNode.text(at: url), file: url.path)
    }

    /// Parses workflow YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> WorkflowPolicy {
        var reader = WorkflowPolicyReader(root: try PolicyNode.parse(text, file: file))
        return try reader.read()
    }
}

/// Reads the sections of `workflow.yaml` in order, each checked against those before it.
struct WorkflowPolicyReader {
    let root: PolicyNode
    var languages: [String] = []
    var stepLines: [String: PolicyNode] = [:]

    init(root: PolicyNode) {
        self.root = root
    }

    mutating func read() throws -> WorkflowPolicy {
        let version = try root.required("version", in: "the workflow policy").string("version")
        let languagesNode = try root.required("languages", in: "the workflow policy")
        languages = try languagesNode.strings("languages")
        guard languages.contains("de") else { throw languagesNode.error("languages must include de") }

        let kinds = try codes("kinds")
        let steps = try readSteps()
        let outcomes = try codes("outcomes")
        let documents = try codes("documents").map { code -> DocumentType in
            let node = try section("documents").required(code.code, in: "documents")
            let counterpart = try node.required("counterpart", in: "document type '\(code.code)'").bool("counterpart of '\(code.code)'")
            return DocumentType(code: code.code, labels: code.labels, namesCounterpart: counterpart)
        }
        let interventions = try readInterventions(documents: documents)
        let events = try codes("events").map { code -> WorkflowEventType in
            let node = try section("events").required(code.code, in: "events")
            return WorkflowEventType(
                code: code.code, labels: code.labels,
                manual: try node.optional("manual")?.bool("manual of event '\(code.code)'") ?? false,
                once: try node.optional("once")?.bool("once of event '\(code.code)'") ?? false)
        }
        // Intake and the reporter's withdrawal record these without a key: the code relies on them.
        for required in WorkflowPolicy.implicitEvents where !events.contains(where: { $0.code == required }) {
            throw try section("events").error(
                "the event '\(required)' is missing: \(required == "eingang" ? "every report's arrival" : "a reporter's deletion request") records it"
            )
        }
        let fields = try readFields()
        let requesters = try readRequesters(events: Set(events.map(\.code)))
        let warnDays = try root.required("warn_days", in: "the workflow policy").integer("warn_days", in: 0...90)
        let deadlines = try readDeadlines(events: Set(events.map(\.code)), fields: Set(fields.map(\.code)))
        let transitions = try readTransitions(
            steps: steps, kinds: Set(kinds.map(\.code)), outcomes: Set(outcomes.map(\.code)),
            events: Set(events.map(\.code)), hasInterventions: !interventions.isEmpty,
            hasRequesters: !requesters.isEmpty)
        let policy = WorkflowPolicy(
            version: version, languages: languages, kinds: kinds, steps: steps, outcomes: outcomes,
            documents: documents, interventions: interventions, events: events, fields: fields, requesters: requesters, warnDays: warnDays,
            deadlines: deadlines, transitions: transitions)
        try checkGraph(policy)
        return policy
    }

    func section(_ key: String) throws -> PolicyNode {
        try root.required(key, in: "the workflow policy")
    }

    /// A mapping of codes, each with labels.
    func codes(_ key: String) throws -> [LabelledCode] {
        let node = try section(key)
        var result: [LabelledCode] = []
        for entry in try node.entries(key) {
            try entry.keyNode.checkCode(entry.key, what: "a code of \(key)")
            result.append(LabelledCode(code: entry.key, labels: try entry.value.labels(in: languages, "'\(entry.key)' of \(key)")))
        }
        guard !result.isEmpty else { throw node.error("\(key) is empty") }
        return result
    }

    mutating func readSteps() throws -> [WorkflowStep] {
        let node = try section("steps")
        var steps: [WorkflowStep] = []
        for entry in try node.entries("steps") {
            try entry.keyNode.checkCode(entry.key, what: "step")
            let what = "step '\(entry.key)'"
            let step = WorkflowStep(
                code: entry.key, labels: try entry.value.labels(in: languages, what),
                isStart: try entry.value.optional("start")?.bool("start of \(what)") ?? false,
                isClosed: try entry.value.optional("closed")?.bool("closed of \(what)") ?? false,
                isFinal: try entry.value.optional("final")?.bool("final of \(what)") ?? false)
            if step.isStart && (step.isClosed || step.isFinal) {
                throw entry.keyNode.error("\(what) cannot be the start and also closed or final")
            }
            if step.isClosed && step.isFinal {
                throw entry.keyNode.error("\(what) is either closed (it may be reopened) or final (no way out), not both")
            }
            stepLines[entry.key] = entry.keyNode
            steps.append(step)
        }
        let starts = steps.filter(\.isStart)
        guard starts.count == 1 else { throw node.error("exactly one step must be the start (start: true); found \(starts.count)") }
        // Intake files reports into the start step, and a reporter's withdrawal uses the deletion step.
        guard starts[0].code == "eingegangen" else { throw node.error("the start step must be 'eingegangen': intake files reports there") }
        guard stepLines[WorkflowPolicy.deletionRequestedStep] != nil else {
            throw node.error(
                "the step '\(WorkflowPolicy.deletionRequestedStep)' is missing: a reporter's withdrawal of a worked case leads there")
        }
        return steps
    }

    func requirements(_ node: PolicyNode?, _ what: String, documents: [DocumentType]) throws -> [DocumentRequirement] {
        guard let node else { return [] }
        guard case .sequence(let items) = node.node else { throw node.error("\(what) must be a list") }
        return try items.map { item in
            let entry = PolicyNode(node: item, file: node.file)
            let documentNode = try entry.required("document", in: "an entry of \(what)")
            let code = try documentNode.string("document of \(what)")
            guard let type = documents.first(where: { $0.code == code }) else {
                throw documentNode.error("\(what) names the document type '\(code)', which documents does not list")
            }
            let counterpart = try entry.optional("counterpart")?.bool("counterpart in \(what)") ?? false
            if counterpart && !type.namesCounterpart {
                throw entry.error(
                    "\(what) wants a '\(code)' naming the counterpart, but that document type names none (counterpart: false)")
            }
            return DocumentRequirement(document: code, namesCounterpart: counterpart)
        }
    }

    func readInterventions(documents: [DocumentType]) throws -> [InterventionType] {
        let node = try section("interventions")
        return try node.entries("interventions").map { entry in
            try entry.keyNode.checkCode(entry.key, what: "intervention")
            let what = "intervention '\(entry.key)'"
            return InterventionType(
                code: entry.key, labels: try entry.value.labels(in: languages, what),
                requires: try requirements(
                    entry.value.required("requires", in: what), "requires of \(what)",
                    documents: documents),
                requiresForMinors: try requirements(
                    entry.value.optional("minors"), "minors of \(what)",
                    documents: documents))
        }
    }

    /// The legal fields; which taxonomy codes they name is checked against the taxonomy at
    /// start-up (`check(against:)`), since this file is read without it.
    func readFields() throws -> [LegalField] {
        try codes("fields").map { code in
            let node = try section("fields").required(code.code, in: "fields")
            let what = "field '\(code.code)'"
            return LegalField(
                code: code.code, labels: code.labels,
                always: try node.optional("always")?.bool("always of \(what)") ?? false,
                areas: try node.optional("areas")?.strings("areas of \(what)") ?? [],
                forms: try node.optional("forms")?.strings("forms of \(what)") ?? [],
                legal: try node.optional("legal")?.bool("legal of \(what)") ?? true)
        }
    }

    /// Who may ask for a step (`requester: true`), each with the events it records. Optional:
    /// a policy without requesters has no transition that asks.
    func readRequesters(events: Set<String>) throws -> [RequestOrigin] {
        guard root.optional("requesters") != nil else { return [] }
        return try codes("requesters").map { code in
            let node = try section("requesters").required(code.code, in: "requesters")
            let records = try node.optional("records")?.strings("records of requester '\(code.code)'") ?? []
            for event in records where !events.contains(event) {
                throw node.error("requester '\(code.code)' records the event '\(event)', which events does not list")
            }
            return RequestOrigin(code: code.code, labels: code.labels, records: records)
        }
    }

    func readDeadlines(events: Set<String>, fields: Set<String>) throws -> [DeadlineRule] {
        let node = try section("deadlines")
        return try node.entries("deadlines").map { entry in
            try entry.keyNode.checkCode(entry.key, what: "deadline")
            let what = "deadline '\(entry.key)'"
            func eventList(_ key: String) throws -> [String] {
                let list = try entry.value.required(key, in: what)
                let codes = try list.strings("\(key) of \(what)")
                guard !codes.isEmpty else { throw list.error("\(key) of \(what) is empty") }
                for code in codes where !events.contains(code) {
                    throw list.error("\(what) names the event '\(code)' in \(key), which events does not list")
                }
                return codes
            }
            let periodNode = try entry.value.required("period", in: what)
            let parts = try periodNode.entries("period of \(what)")
            guard parts.count == 1, let part = parts.first else {
                throw periodNode.error("period of \(what) must name exactly one of days, weeks, months, years")
            }
            let count = try part.value.integer("\(part.key) of \(what)", in: 1...3650)
            let period: DeadlinePeriod
            switch part.key {
            case "days": period = .days(count)
            case "weeks": period = .weeks(count)
            case "months": period = .months(count)
            case "years": period = .years(count)
            default: throw part.keyNode.error("period of \(what) must be in days, weeks, months or years, not '\(part.key)'")
            }
            let fieldNode = try entry.value.required("field", in: what)
            let field = try fieldNode.string("field of \(what)")
            guard fields.contains(field) else {
                throw fieldNode.error(
                    "\(what) names the field '\(field)', which fields does not list: one of \(fields.sorted().joined(separator: ", "))")
            }
            return DeadlineRule(
                code: entry.key, labels: try entry.value.labels(in: languages, what), field: field, from: try eventList("from"),
                period: period, metBy: try eventList("met_by"),
                shiftsOffHolidays: try entry.value.optional("holiday_shift")?.bool("holiday_shift of \(what)") ?? true)
        }
    }
}
