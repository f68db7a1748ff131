import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore
import Statistics

/// A lead's statistics releases as pages (`/releases`): compute a closed year's or quarter's
/// tables, preview them, send them sealed to the Verband. `ReleaseService` checks role and
/// office and audits; anyone but a lead gets 404 like a missing page.
struct ReleasePages {
    let base: MemberPages
    let statistics: StatisticsServices

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/releases", use: list)
        router.post("/releases", use: compute)
        router.get("/releases/:id", use: preview)
        router.post("/releases/:id/send", use: send)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            let releases = try await statistics.releases.list(session: session)
            return page(session, language, releases: releases, notice: base.confirmation(request, language, known: ["release_sent"]))
        }
    }

    func page(
        _ session: Session, _ language: Catalogue, releases: [StoredRelease], notice: String? = nil,
        period: String = "", problem: String? = nil, warning: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        base.render(
            "releases", status: status, language: language, path: "/releases", session: session,
            page: ReleasesView(
                title: language["releases_title"], notice: notice, period: period.isEmpty ? nil : period, problem: problem,
                warning: warning,
                suggestion: Self.lastClosedYear(), hasReleases: !releases.isEmpty,
                releases: releases.map { ReleaseSummaryView($0, language: language) }))
    }

    static func lastClosedYear(_ now: Date = Date()) -> String {
        String(Calendar(identifier: .gregorian).component(.year, from: now) - 1)
    }

    /// Computes (or finds) the period's release and shows its preview. A period that is not a
    /// closed year or quarter is named next to the field, and nothing is frozen.
    @Sendable func compute(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            let text = MemberPages.trimmed(form, "period")
            let releases = try await statistics.releases.list(session: session)
            guard let period = StatPeriod(text) else {
                return page(
                    session, language, releases: releases, period: text, problem: language["releases_period_malformed"],
                    status: .unprocessableContent)
            }
            do {
                // An office with no classified case in the period would freeze empty tables: ask first.
                let known = releases.contains { $0.period == period.description }
                if !known, form["confirm"] != "yes", try await statistics.releases.classifiedCount(period, session: session) == 0 {
                    return page(
                        session, language, releases: releases, period: text,
                        warning: language.text("releases_empty_warning", ["period": text]))
                }
                let (stored, _) = try await statistics.releases.release(period, session: session)
                return base.redirect("/releases/\(stored.id.hex)", language)
            } catch let refusal as FieldError where refusal.field == "period" || refusal.field == "taxonomy" {
                let problem = refusal.field == "period" ? language["releases_period_open"] : refusal.message
                return page(session, language, releases: releases, period: text, problem: problem, status: .unprocessableContent)
            }
        }
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard let id = CaseAPI.pathID(context) else { throw AccessError.notFound }
            let (stored, file) = try await statistics.releases.preview(id: id, session: session)
            let labels = base.statisticsLabels(language)
            return base.render(
                "release", language: language, path: "/releases", session: session,
                page: ReleaseView(
                    title: "\(language["releases_preview_title"]) \(stored.period)",
                    release: ReleaseSummaryView(stored, language: language), policy: file.policy, taxonomy: file.taxonomy,
                    notice: base.confirmation(request, language, known: ["release_sent", "release_confirm_missing"]),
                    tables: file.tables.map {
                        StatTableView($0, spec: statistics.policy.table($0.name), labels: labels, language: language)
                    },
                    // In a quarter, the tables the policy keeps to the year are named, so their absence is not read as zero.
                    yearOnly: StatPeriod(stored.period)?.quarter == nil
                        ? nil
                        : statistics.policy.tables
                            .filter { !$0.reports.contains("quarterly") }.map {
                                Taxonomy.label($0.labels, language: language.code) ?? $0.name
                            }.joined(separator: ", ")))
        }
    }

    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard let id = CaseAPI.pathID(context) else { throw AccessError.notFound }
            // Sending cannot be taken back: the tables must have been looked at and confirmed.
            guard form["confirm"] == "yes" else { return base.redirect("/releases/\(id.hex)", language, done: "release_confirm_missing") }
            _ = try await statistics.releases.send(id: id, session: session)
            return base.redirect("/releases/\(id.hex)", language, done: "release_sent")
        }
    }
}
