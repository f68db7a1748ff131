import Casework
import Hummingbird

/// The public router: reporter API and pages, health, OpenAPI. Metrics are on their own listener.
public func buildRouter(_ services: WebServices) -> Router<AppRequestContext> {
    // HEAD is answered wherever GET is; a known path asked with another method answers 405.
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    let table = RouteTable()
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: PageErrorMiddleware(pages: services.pages, settings: services.settings))
    router.add(middleware: CrossSiteMiddleware())
    router.add(middleware: MethodCheckMiddleware(table: table))
    // The reporter's API, generated from the OpenAPI document: mailbox answers padded (outermost,
    // so refusals are padded once they are the contract's error body), every answer sent in one write.
    let reporterAPI = router.group().add(middleware: ResponseCoalescingMiddleware())
        .add(middleware: MailboxPaddingMiddleware()).add(middleware: DomainErrorMiddleware())
        .add(middleware: RequestScopeMiddleware())
    ReporterAPI(services: services).addRoutes(to: reporterAPI)
    let (members, casework, statistics) = (services.members, services.casework, services.statistics)
    // The member side's generated interfaces share one group: answers in one write, the
    // contract's error body, the member the bearer token names, then the scope (which sees it).
    let memberAPI = router.group().add(middleware: ResponseCoalescingMiddleware()).add(middleware: DomainErrorMiddleware())
        .add(middleware: MemberAuthenticator(members: members, source: .bearer)).add(middleware: RequestScopeMiddleware())
    MemberAPI(services: services, members: members).addRoutes(to: memberAPI)
    CaseAPI(casework: casework).addRoutes(to: memberAPI)
    CaseFileAPI(casework: casework).addRoutes(to: memberAPI)
    StatisticsAPI(statistics: statistics).addRoutes(to: memberAPI)
    // One authenticator puts the member into the context: bearer tokens on the API, the cookie on pages.
    let memberRoutes = router.group().add(middleware: MemberAuthenticator(members: members, source: .cookie))
    let memberPages = MemberPages(services: services, members: members)
    memberPages.addRoutes(to: memberRoutes)
    CasePages(base: memberPages, casework: casework, retention: services.retentionDesk).addRoutes(to: memberRoutes)
    ReleasePages(base: memberPages, statistics: statistics).addRoutes(to: memberRoutes)
    StatisticsPages(base: memberPages, statistics: statistics).addRoutes(to: memberRoutes)
    if let publisher = statistics.publisher {
        ReceivedPages(base: memberPages, statistics: statistics, publisher: publisher).addRoutes(to: memberRoutes)
    }
    ReporterPages(services: services).addRoutes(to: router)
    router.get("/healthz") { _, _ -> Response in
        guard await services.probe.isWritable() else { throw APIError.unavailable }
        // Still 200: reports are accepted. The detail tells monitoring a removal is not complete.
        var detail = ["status": "ok"]
        if await services.probe.stalledKeyRotations() > 0 { detail["keyRotation"] = "stalled" }
        // Reports are still accepted; monitoring learns that counsellors are not being told.
        if services.notificationHealth.failing > 0 { detail["notifications"] = "failing" }
        return try JSONResponse.make(.ok, detail)
    }
    let apiDocument = services.pages.apiDocument
    router.get("/openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: .init(string: apiDocument)))
    }
    table.record(router.routes)
    return router
}

/// The metrics router, served only on the metrics port: process figures, no intake counters.
public func buildMetricsRouter(_ metrics: ProcessMetrics) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.get("/metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: .init(string: await metrics.exposition())))
    }
    return router
}
