import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore
import Statistics

/// `GET /api/v1/statistics` of CONTRACT.md: the Verband's published tables for the analysts.
/// Like every member route a role that may not see them gets `404 not_found`, as if nothing were
/// there. A stored file is served only after its signature verifies under the publisher's key.
struct StatisticsAPI {
    let members: MemberService
    let statistics: StatisticsServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("statistics", use: tables)
    }

    /// What the route answers: the publication's facts and its tables in CONTRACT's JSON.
    struct Answer: Encodable {
        let period: String
        let publishedAt: String
        let releaseCount: Int
        let policy: String
        let taxonomy: String
        let generatedOn: Day
        let tables: [StatTable]
    }

    static let periodInvalid = APIError(
        .unprocessableContent, code: "validation_failed",
        message: "period is a year (2026) or a quarter (2026-Q3)", field: "period")
    static let notServable = APIError(
        .internalServerError, code: "internal",
        message: "the published statistics cannot be served right now")

    @Sendable func tables(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        guard session.role == .analyst else { throw APIError.notFound }
        let query = request.uri.queryParameters
        guard let text = query.get("period").map({ String($0) }), let period = StatPeriod(text) else { throw Self.periodInvalid }
        let name = query.get("table").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
        let found = try await statistics.published.published(period: period.description)
        guard let publication = found else {
            throw APIError(.notFound, code: "not_found", message: "nothing is published for \(period)", field: "period")
        }
        guard let file = statistics.verified(publication, logger: context.logger) else { throw Self.notServable }
        var tables = file.tables
        if let name {
            guard let table = tables.first(where: { $0.name == name }) else {
                throw APIError(
                    .notFound, code: "not_found", message: "no table \(Self.quoted(name)) is published for \(period)", field: "table")
            }
            tables = [table]
        }
        return try JSONResponse.make(
            .ok,
            Answer(
                period: publication.period, publishedAt: publication.publishedAt,
                releaseCount: publication.releaseCount, policy: file.policy, taxonomy: file.taxonomy,
                generatedOn: file.generatedOn, tables: tables))
    }

    /// A table name as the answer repeats it: table names are short snake case, so anything
    /// else is not echoed back.
    static func quoted(_ name: String) -> String {
        let allowed = name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        return allowed ? "\"\(name)\"" : "of that name"
    }
}
