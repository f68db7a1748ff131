import Casework
import Foundation
import Hummingbird
import SichtbarCore
import Statistics

/// The Verband analysts' pages: `/statistics` (a published period's tables, charts and the
/// trend) and `/report` (the printable annual report). Server-rendered without script, with the
/// member header. Only analysts reach them; anyone else gets the member pages' 404, as for any
/// route their role does not reach. A publication is shown only after its signature verifies.
struct StatisticsPages {
    let base: MemberPages
    let statistics: StatisticsServices
    var pages: PageRenderer { base.pages }

    static let back = (path: "/statistics", label: "statistics_back")

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("/statistics", use: overview)
        router.get("/report", use: report)
        router.get("/statistics/csv", use: csvDownload)
    }

    func presentation(_ language: Catalogue) -> StatisticsPresentation {
        StatisticsPresentation(
            policy: statistics.policy, taxonomy: base.services.taxonomy, workflow: base.services.casework.policy,
            strings: language.strings, language: language.code)
    }

    /// `?period=` when given and not empty.
    static func requestedPeriod(_ request: Request) -> String? {
        request.uri.queryParameters.get("period").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    @Sendable func overview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.role == .analyst else { throw AccessError.notFound }
            let publications = try await statistics.published.publications()
            let requested = Self.requestedPeriod(request)
            if let requested, StatPeriod(requested) == nil {
                return base.notice(language, "statistics_period_invalid", status: .unprocessableContent, link: Self.back)
            }
            let chosen = requested ?? publications.first?.period
            var values = StatisticsPageView(
                title: language["statistics_title"], receivedLink: statistics.publisher != nil,
                periods: publications.map { publication in
                    StatisticsPageView.Period(
                        period: publication.period, url: "/statistics?lang=\(language.code)&period=\(publication.period)",
                        current: publication.period == chosen)
                })
            guard let chosen else {
                values.none = true
                return base.render("statistics", language: language, path: "/statistics", session: session, page: values)
            }
            guard let publication = publications.first(where: { $0.period == chosen }) else {
                return base.notice(language, "statistics_not_published", status: .notFound, link: Self.back)
            }
            guard let file = statistics.verified(publication, logger: context.logger) else {
                return base.notice(language, "statistics_unavailable", status: .internalServerError, link: Self.back)
            }
            var view = presentation(language)
            let offices = try await base.services.members.store.offices()
            let served = Set(offices.flatMap(\.profile.regions).compactMap { base.services.taxonomy.region($0)?.regierungsbezirk })
            view.unserved = Set(base.services.taxonomy.regierungsbezirke.keys).subtracting(served)
            values.period = publication.period
            let publishedOn = String(publication.publishedAt.prefix(10))
            values.publishedOn = Day(iso: publishedOn).map(view.numbers.day) ?? publishedOn
            values.releaseCount = view.numbers.count(publication.releaseCount)
            // Who took part: the offices whose release of the period had been sent when it was published.
            if let publisher = statistics.publisher {
                let store = base.services.members.store
                let offices = Dictionary(try await store.offices().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
                let took = try await publisher.releases.sentReleases()
                    .filter { $0.period == publication.period && ($0.sentAt ?? "~") <= publication.publishedAt }
                    .compactMap { offices[$0.officeID] }.sorted()
                if !took.isEmpty { values.offices = took.joined(separator: ", ") }
                values.verband = try await store.verband()?.name
            }
            values.keyNumbers = view.keyNumbers(file)
            values.charts = [
                view.barChart(file, along: "ground_top", id: "chart-grounds", titleKey: "statistics_chart_grounds"),
                view.barChart(file, along: "area_top", id: "chart-areas", titleKey: "statistics_chart_areas"),
            ].compactMap { $0 }
            values.tables = view.tables(file)
            values.legend = [
                StatisticsPageView.LegendEntry(
                    mark: view.primaryMark,
                    text: view.string("statistics_legend_primary", ["below": view.numbers.count(statistics.policy.minimumCount - 1)])),
                StatisticsPageView.LegendEntry(
                    mark: StatisticsPresentation.secondaryMark, text: view.string("statistics_legend_secondary")),
            ]
            values.dp = statistics.policy.mode == .dp
            if file.period.quarter == nil {
                values.reportURL = "/report?lang=\(language.code)&period=\(publication.period)"
                let years = try await statistics.verifiedYears(through: file.period.year, logger: context.logger)
                values.trend = view.trend(years)
            }
            return base.render("statistics", language: language, path: "/statistics", session: session, page: values)
        }
    }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.role == .analyst else { throw AccessError.notFound }
            let publications = try await statistics.published.publications()
            guard let text = Self.requestedPeriod(request) ?? publications.first(where: { $0.period.count == 4 })?.period else {
                return base.notice(language, "statistics_not_published", status: .notFound, link: Self.back)
            }
            guard let period = StatPeriod(text), period.quarter == nil else {
                return base.notice(language, "statistics_report_period", status: .unprocessableContent, link: Self.back)
            }
            guard let publication = publications.first(where: { $0.period == period.description }) else {
                return base.notice(language, "statistics_not_published", status: .notFound, link: Self.back)
            }
            guard statistics.verified(publication, logger: context.logger) != nil else {
                return base.notice(language, "statistics_unavailable", status: .internalServerError, link: Self.back)
            }
            let years = try await statistics.verifiedYears(through: period.year, logger: context.logger)
            let report = AnnualReport(
                publications: years, policy: statistics.policy, taxonomy: base.services.taxonomy,
                workflow: base.services.casework.policy, language: language.code)
            let html: String
            do {
                html = try report.html(using: pages.report, backLink: "/statistics?lang=\(language.code)&period=\(period)")
            } catch {
                context.logger.error("annual report did not render", metadata: ["period": "\(period)"])
                return base.notice(language, "statistics_unavailable", status: .internalServerError, link: Self.back)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/html; charset=utf-8",
                    .contentSecurityPolicy: pages.report.contentSecurityPolicy,
                ],
                body: .init(byteBuffer: .init(string: html)))
        }
    }
}
