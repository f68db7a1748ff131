import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore
import Statistics

/// The analysts' page of received releases (`/statistics/received`): which periods the offices
/// of this server have sent, and a form that merges a period's releases, applies disclosure
/// control once, signs and publishes the result. `VerbandPublisher` checks role and audits.
struct ReceivedPages {
    let base: MemberPages
    let statistics: StatisticsServices
    let publisher: VerbandPublisher
    /// One per router: the redirect after publishing finds its figures here.
    let notices = PublicationNotices()

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/statistics/received", use: list)
        router.post("/statistics/received", use: publish)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            var loss: PublicationLoss?
            if let token = request.uri.queryParameters["notice"] { loss = await notices.loss(String(token), for: session.username) }
            let notice = base.confirmation(request, language, known: ["published"]).map { done in
                loss.map { done + " " + $0.sentence(language) } ?? done
            }
            return try await page(session, language, notice: notice)
        }
    }

    /// The member offices that have not sent a release of `period`, by name.
    func missingOffices(_ period: String) async throws -> [String] {
        let offices = try await base.services.members.store.offices()
        let sent = Set(try await publisher.releases.sentReleases().filter { $0.period == period }.map(\.officeID))
        return offices.filter { !sent.contains($0.id) }.map(\.name).sorted()
    }

    func page(
        _ session: Session, _ language: Catalogue, notice: String? = nil, problem: String? = nil,
        confirm: (period: String, missing: [String])? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard session.role == .analyst else { throw AccessError.notFound }
        let sent = try await publisher.releases.sentReleases()
        let publications = try await statistics.published.publications()
        let offices = try await base.services.members.store.offices()
        var periods: [String: Int] = [:]
        for release in sent { periods[release.period, default: 0] += 1 }
        let rows = periods.keys.sorted { PublishedStatistics.newestFirst($0, $1) }.map { period in
            let publication = publications.first { $0.period == period }
            let sentBy = Set(sent.filter { $0.period == period }.map(\.officeID))
            let missing = offices.filter { !sentBy.contains($0.id) }.map(\.name).sorted()
            return ReceivedView.Period(
                period: period, releases: language.text("received_of", ["sent": String(sentBy.count), "all": String(offices.count)]),
                missing: missing.isEmpty ? nil : missing.joined(separator: ", "),
                publishedAt: publication.map { PageTime(language: language.code).time(stamp: $0.publishedAt) },
                publishedAtISO: publication?.publishedAt, publishedFrom: publication.map { String($0.releaseCount) })
        }
        return base.render(
            "received", status: status, language: language, path: "/statistics", session: session,
            page: ReceivedView(
                title: language["received_title"], notice: notice, problem: problem, periods: rows, hasPeriods: !rows.isEmpty,
                confirm: confirm.map {
                    ReceivedView.Confirmation(
                        period: $0.period,
                        text: language.text(
                            "received_missing_warning", ["period": $0.period, "missing": $0.missing.joined(separator: ", ")]))
                }))
    }

    /// Merges every release received for the period and publishes the result.
    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard session.role == .analyst else { throw AccessError.notFound }
            guard let period = StatPeriod(MemberPages.trimmed(form, "period")) else {
                return try await page(session, language, problem: language["received_period_malformed"], status: .unprocessableContent)
            }
            do {
                let files = try await publisher.received(period, session: session)
                guard !files.isEmpty else {
                    return try await page(session, language, problem: language["received_none_for_period"], status: .unprocessableContent)
                }
                // A period not every member office has released is published only when confirmed, naming who is missing.
                let missing = try await missingOffices(period.description)
                if !missing.isEmpty && form["confirm"] != "yes" {
                    return try await page(session, language, confirm: (period.description, missing))
                }
                let (_, merged) = try await publisher.publish(files, session: session)
                // The loss goes to this analyst's next page only, never into the URL: the share of
                // cases hidden is a sum no table prints, so it is not published.
                var notice = ""
                if let loss = PublicationLoss(merged) { notice = "&notice=" + (await notices.keep(loss, for: session.username)) }
                return base.redirect("/statistics/received", language, done: "published" + notice)
            } catch let refusal as FieldError {
                let message = refusal.message
                return try await page(session, language, problem: message, status: .unprocessableContent)
            }
        }
    }
}
