import Casework
import ContractSupport
import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import SichtbarCore
import Statistics
import StatisticsContract

/// The statistics API of CONTRACT.md behind the interface generated from Templates/api/openapi.yaml:
/// a lead's releases (`/api/v1/releases…`, in `StatisticsAPI+Releases.swift`) and the Verband's
/// published tables for its analysts (`GET /api/v1/statistics`). Like every member route, a role
/// that may not see something gets `404 not_found`, as if nothing were there; `ReleaseService`
/// checks role and office and audits. A stored publication is served only after its signature
/// verifies under the publisher's key.
struct StatisticsAPI: APIProtocol {
    let statistics: StatisticsServices

    /// Where a publication that fails verification is logged (period and verdict only): the
    /// generated interface passes no request context, so this is the server's own label.
    static let logger = Logger(label: "sichtbar")

    /// Registers the generated routes on `group`, which carries `DomainErrorMiddleware`,
    /// `MemberAuthenticator` (bearer) and `RequestScopeMiddleware`, in that order.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        do {
            try registerHandlers(
                on: group, configuration: ReporterAPI.configuration,
                middlewares: [
                    AcceptIgnoring(), BareQueryKeys(), MemberRequired(),
                    QueryItemDeferral(operationID: Operations.PublishedStatistics.id, name: "period"),
                    BodyGate(json: [Operations.ComputeRelease.id]),
                ])
        } catch {
            // Only an unusable server URL throws, and the default one (`/`) is fixed.
            preconditionFailure("the statistics API's routes could not be registered: \(error)")
        }
    }

    static let periodInvalid = APIError(
        .unprocessableContent, code: "validation_failed",
        message: "period is a year (2026) or a quarter (2026-Q3)", field: "period")
    static let notServable = APIError(
        .internalServerError, code: "internal",
        message: "the published statistics cannot be served right now")

    /// The role is asked before the period, so a malformed or missing period tells a member who
    /// may not see the tables nothing more than `404` (`QueryItemDeferral` lets a missing one
    /// reach this check).
    func publishedStatistics(_ input: Operations.PublishedStatistics.Input) async throws -> Operations.PublishedStatistics.Output {
        let session = try RequestScope.requireMember()
        guard session.role == .analyst else { throw APIError.notFound }
        guard let period = StatPeriod(input.query.period) else { throw Self.periodInvalid }
        let name = input.query.table.flatMap { $0.isEmpty ? nil : $0 }
        guard let publication = try await statistics.published.published(period: period.description) else {
            throw APIError(.notFound, code: "not_found", message: "nothing is published for \(period)", field: "period")
        }
        guard let file = statistics.verified(publication, logger: Self.logger) else { throw Self.notServable }
        var tables = file.tables
        if let name {
            guard let table = tables.first(where: { $0.name == name }) else {
                throw APIError(
                    .notFound, code: "not_found", message: "no table \(Self.quoted(name)) is published for \(period)", field: "table")
            }
            tables = [table]
        }
        let answer = Components.Schemas.PublishedTables(
            period: publication.period, publishedAt: publication.publishedAt, releaseCount: publication.releaseCount,
            policy: file.policy, taxonomy: file.taxonomy, generatedOn: file.generatedOn.iso,
            tables: tables.map(EncodedValue.init))
        return .ok(.init(body: .json(answer)))
    }

    /// A table name as the answer repeats it: table names are short snake case, so anything
    /// else is not echoed back.
    static func quoted(_ name: String) -> String {
        let allowed = name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        return allowed ? "\"\(name)\"" : "of that name"
    }
}
