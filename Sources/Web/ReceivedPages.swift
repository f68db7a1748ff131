import Casework
import Foundation
import Hummingbird
import Statistics

/// The analysts' page of received releases (`/statistics/received`): which periods the offices
/// of this server have sent, and a form that merges a period's releases, applies disclosure
/// control once, signs and publishes the result. `VerbandPublisher` checks role and audits.
struct ReceivedPages {
    let base: MemberPages
    let statistics: StatisticsServices
    let publisher: VerbandPublisher

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/statistics/received", use: list)
        router.post("/statistics/received", use: publish)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request) { session, language in
            try await page(session, language, notice: base.confirmation(request, language, known: ["published"]))
        }
    }

    func page(_ session: Session, _ language: Catalogue, notice: String? = nil, problem: String? = nil,
              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard session.role == .analyst else { throw AccessError.notFound }
        let sent = try await publisher.releases.sentReleases()
        let publications = try await statistics.published.publications()
        var periods: [String: Int] = [:]
        for release in sent { periods[release.period, default: 0] += 1 }
        let rows = periods.keys.sorted { PublishedStatistics.newestFirst($0, $1) }.map { period -> [String: Any] in
            let publication = publications.first { $0.period == period }
            return present(["period": period, "releases": String(periods[period] ?? 0),
                            "publishedAt": publication.map { PageTime(language: language.code).time(stamp: $0.publishedAt) },
                            "publishedAtISO": publication?.publishedAt, "publishedFrom": publication.map { String($0.releaseCount) }])
        }
        return base.render("received", status: status, language: language, path: "/statistics", session: session, values: present([
            "title": language["received_title"], "notice": notice, "problem": problem, "periods": rows, "hasPeriods": !rows.isEmpty,
        ]))
    }

    /// Merges every release received for the period and publishes the result.
    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request) { session, language, form in
            guard session.role == .analyst else { throw AccessError.notFound }
            guard let period = StatPeriod(MemberPages.trimmed(form, "period")) else {
                return try await page(session, language, problem: language["received_period_malformed"], status: .unprocessableContent)
            }
            do {
                let files = try await publisher.received(period, session: session)
                guard !files.isEmpty else {
                    return try await page(session, language, problem: language["received_none_for_period"], status: .unprocessableContent)
                }
                _ = try await publisher.publish(files, session: session)
            } catch AccessError.invalid(_, let message) {
                return try await page(session, language, problem: message, status: .unprocessableContent)
            }
            return base.redirect("/statistics/received", language, done: "published")
        }
    }
}
