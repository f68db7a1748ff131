import Casework
import Foundation
import Hummingbird
import SichtbarCore
import Workflow

/// The counsellors' pages: the case list, a case with everything recorded on it and a form for
/// each thing a counsellor may do next, new phone and walk-in cases, the Kontakt ohne Akte
/// tally, and the deadlines overview. Server-rendered, without JavaScript; every value reaches
/// the HTML through Mustache's escaping. Who may see and change what is `CaseworkService`'s
/// business: a case the member may not open answers 404, like a missing one.
struct CasePages {
    let base: MemberPages
    let casework: CaseworkService
    /// What the retention policy deletes next (the leads' `/retention` page); nil where not wired.
    var retention: RetentionService?
    var pages: PageRenderer { base.pages }

    static let pageSize = 50
    /// The forms of a case page, posted to `/cases/{id}/{form}`.
    static let forms = [
        "transition", "note", "message", "contact", "document", "revocation", "event", "deadline", "deadline-done",
        "classification", "assignees", "description", "letter", "fields", "deadline-missed", "reporter-read", "party", "legal-hold",
    ]

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/cases", use: list)
        router.get("/cases/new", use: newCaseForm)
        router.post("/cases/new", use: createCase)
        router.post("/cases/tally", use: countTally)
        router.get("/cases/:id", use: casePage)
        router.post("/cases/:id/:form", use: caseForm)
        router.get("/cases/:id/documents/:document/file", use: downloadFile)
        router.post("/cases/:id/documents/:document/file", use: uploadFile)
        router.get("/cases/:id/letters/:letter", use: letterPage)
        router.get("/cases/:id/letters/:letter/edit", use: letterEdit)
        router.post("/cases/:id/letters/:letter/sent", use: letterSend)
        router.get("/cases/:id/reporter-files/:file", use: downloadReporterFile)
        router.get("/deadlines", use: deadlineOverview)
        router.get("/team", use: teamPage)
        router.get("/cases/:id/print", use: printCaseFile)
        router.post("/team", use: teamForm)
        router.get("/retention", use: retentionPage)
    }

    func labels(_ language: Catalogue) -> PolicyLabels {
        PolicyLabels(policy: casework.policy, taxonomy: casework.taxonomy, language: language.code)
    }

    // MARK: The case list

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.worksCases else { throw AccessError.notFound }
            let query = request.uri.queryParameters
            func value(_ name: String) -> String? { query[name[...]].map { String($0) }.flatMap { $0.isEmpty ? nil : $0 } }
            var filter = CaseListFilter(step: value("step"), query: value("q"), limit: Self.pageSize)
            // The list opens on the member's own cases, most urgent first; `assigned=all` shows everyone's.
            let opening = ["step", "assigned", "due", "q", "after", "sort", "unread"].allSatisfy { value($0) == nil }
            filter.assignment = opening ? .mine : value("assigned").flatMap(CaseListFilter.Assignment.init(rawValue:))
            filter.sort = opening ? .urgency : value("sort").flatMap(CaseListFilter.Sort.init(rawValue:))
            filter.unread = value("unread") == "1"
            filter.due = value("due").flatMap(CaseListFilter.Due.init(rawValue:))
            filter.after = value("after").flatMap(CaseCursor.init(token:))
            if let step = filter.step, casework.policy.step(step) == nil { filter.step = nil }
            let page = try await casework.list(filter, for: session)
            let unread = try await casework.unreadCounts(for: session)
            let words = labels(language)
            func choices(_ pairs: [(String, String)], selected: String) -> [CaseFormChoice] {
                pairs.map { CaseFormChoice(value: $0.0, label: language[$0.1], selected: $0.0 == selected) }
            }
            var values = CaseListView(
                title: language["cases_title"],
                cases: page.items.map { row(for: $0, words, language) },
                anyCases: !page.items.isEmpty,
                steps: casework.policy.steps.map {
                    CaseFormChoice(value: $0.code, label: words.step($0.code), selected: $0.code == filter.step)
                },
                assignedChoices: choices(
                    [("all", "cases_filter_all"), ("mine", "cases_filter_mine"), ("none", "cases_filter_unassigned")],
                    selected: filter.assignment?.rawValue ?? "all"),
                sortChoices: choices(
                    [("received", "cases_sort_received"), ("urgency", "cases_sort_urgency")], selected: filter.sort?.rawValue ?? "received"),
                unreadOnly: filter.unread,
                unread: CaseListView.Unread(all: String(unread.all), mine: String(unread.mine), any: unread.all > 0),
                dueChoices: choices(
                    [("", "cases_filter_all"), ("soon", "cases_filter_soon"), ("overdue", "cases_filter_overdue")],
                    selected: filter.due?.rawValue ?? ""),
                query: filter.query ?? "",
                filtered: !opening,
                channels: channelChoices(words),
                grounds: casework.taxonomy.facet("ground")?.codes.map {
                    CaseFormChoice(value: $0.code, label: words.code($0.code, of: "ground"))
                } ?? [],
                warnDays: String(casework.policy.warnDays))
            values.searchedAs = searchNote(filter.query, words, language)
            if let next = page.next {
                var parts = ["lang=\(language.code)", "after=\(next.token)"]
                for (name, text) in [
                    ("step", filter.step), ("assigned", filter.assignment?.rawValue ?? "all"), ("due", filter.due?.rawValue),
                    ("sort", filter.sort?.rawValue), ("unread", filter.unread ? "1" : nil),
                ] {
                    if let text { parts.append("\(name)=\(text)") }
                }
                if let text = filter.query, let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                    parts.append("q=\(encoded)")
                }
                values.next = "/cases?" + parts.joined(separator: "&")
            }
            values.notice = base.confirmation(request, language, known: ["tally", "shredded"])
            return base.render("cases", language: language, path: "/cases", session: session, page: values)
        }
    }

    /// One row of the list: reference, title, kind, step, assignees and the worst deadline badge.
    func row(for item: CaseListItem, _ words: PolicyLabels, _ language: Catalogue) -> CaseListView.Row {
        let pending = item.deadlines.filter(\.state.isPending).sorted { $0.due < $1.due }
        let badge: CaseListView.Badge? =
            switch item.urgency {
            case .overdue?: CaseListView.Badge(class: "overdue", text: language["badge_overdue"])
            case .dueSoon?: CaseListView.Badge(class: "soon", text: language["badge_soon"])
            default: nil
            }
        return CaseListView.Row(
            url: "/cases/\(item.id.hex)?lang=\(language.code)", reference: item.reference, title: item.title,
            kind: words.kind(item.kind), step: words.step(item.step),
            receivedOn: PageTime(language: language.code).day(item.receivedOn),
            channel: words.channel(item.channel),
            assignees: item.assignees.map { "\($0.username) (\(language["assignment_\($0.role.rawValue)"]))" }.joined(separator: ", "),
            nextDue: pending.first.map { next in
                CaseListView.NextDue(
                    due: next.due.iso, dueText: PageTime(language: language.code).day(next.due), label: deadlineLabel(next, words))
            },
            unreadBadge: item.unread ? language["badge_unread"] : nil,
            badge: badge)
    }

    /// What the search box was read as, so a counsellor knows what the list shows.
    func searchNote(_ text: String?, _ words: PolicyLabels, _ language: Catalogue) -> String? {
        guard let text, let search = CaseSearch.reading(text, taxonomy: casework.taxonomy) else { return nil }
        switch search {
        case .reference: return language.text("search_as_reference", ["text": text.uppercased()])
        case .title: return language.text("search_as_title", ["text": text, "bound": String(CaseSearch.titleBound)])
        case .categories(let codes):
            let names = codes.prefix(6).map { code -> String in
                if let facet = casework.taxonomy.facets.first(where: { $0.code(code) != nil }) { return words.code(code, of: facet.key) }
                if casework.taxonomy.flags[code] != nil { return words.flag(code) }
                return words.region(code)
            }
            return language.text("search_as_categories", ["names": names.joined(separator: ", ") + (codes.count > 6 ? " …" : "")])
        }
    }

    func deadlineLabel(_ deadline: DeadlineStatus, _ words: PolicyLabels) -> String {
        deadline.rule == DeadlineStatus.manualRule ? (deadline.label ?? deadline.rule) : words.deadline(deadline.rule)
    }

    func channelChoices(_ words: PolicyLabels, selected: String? = nil) -> [CaseFormChoice] {
        casework.taxonomy.facet("channel")?.codes.map {
            CaseFormChoice(value: $0.code, label: words.channel($0.code), selected: $0.code == selected)
        } ?? []
    }
}
