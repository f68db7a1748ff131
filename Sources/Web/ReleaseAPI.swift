import Casework
import Foundation
import Hummingbird
import Members
import Statistics

/// A lead's statistics releases (CONTRACT.md `/api/v1/releases`): compute and freeze a closed
/// period's tables, preview them, send them sealed to the Verband. `ReleaseService` checks role
/// and office and audits; nothing here computes over a range other than a closed year or quarter.
struct ReleaseAPI {
    let members: MemberService
    let statistics: StatisticsServices

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("releases", use: list)
        group.post("releases", use: compute)
        group.get("releases/:id", use: preview)
        group.post("releases/:id/send", use: send)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let releases = try await statistics.releases.list(session: session)
        struct Answer: Encodable { let releases: [ReleaseJSON] }
        return try JSONResponse.make(.ok, Answer(releases: releases.map { ReleaseJSON($0) }))
    }

    /// Computes and freezes the period's release, or returns the one already frozen (200 either way).
    @Sendable func compute(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        struct Body: Decodable { let period: String }
        let body = try await RequestBody.json(Body.self, from: request)
        guard let period = StatPeriod(body.period) else {
            throw APIError(
                .unprocessableContent, code: "validation_failed", message: "period is a year (2026) or a quarter (2026-Q3)", field: "period"
            )
        }
        let (stored, file) = try await statistics.releases.release(period, session: session)
        return try JSONResponse.make(.ok, ReleaseJSON(stored, file: file))
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try CaseAPI.caseID(context)
        let (stored, file) = try await statistics.releases.preview(id: id, session: session)
        return try JSONResponse.make(.ok, ReleaseJSON(stored, file: file))
    }

    /// Sends to this server's Verband; the answer carries the sealed envelope, for a Verband elsewhere.
    @Sendable func send(_ request: Request, context: AppRequestContext) async throws -> Response {
        let session = try context.requireMember()
        let id = try CaseAPI.caseID(context)
        let (stored, envelope) = try await statistics.releases.send(id: id, session: session)
        return try JSONResponse.make(.ok, ReleaseJSON(stored, envelope: envelope))
    }
}

/// A release as the API answers it; the tables only where the lead previews them.
struct ReleaseJSON: Encodable {
    let id: String
    let period: String
    let createdAt: String
    let sentAt: String?
    let epsilon: String?
    let file: StatFile?
    let envelope: ReleaseEnvelope?

    init(_ stored: StoredRelease, file: StatFile? = nil, envelope: ReleaseEnvelope? = nil) {
        id = stored.id.hex
        period = stored.period
        createdAt = stored.createdAt
        sentAt = stored.sentAt
        epsilon = stored.epsilon
        self.file = file
        self.envelope = envelope
    }
}
