import Foundation
import MemberContract
import Members
import SichtbarCore

/// The office's audit chain for its leads: pages of events (reading them is itself recorded) and
/// the signed chain head to keep outside the server.
extension MemberAPI {
    func auditEvents(_ input: Operations.AuditEvents.Input) async throws -> Operations.AuditEvents.Output {
        let session = try RequestScope.requireMember()
        // The role first, so a bad query tells a non-lead nothing about the route.
        guard session.isLead, session.officeID != nil else { throw APIError(AccessError.notFound) }
        let from = try Self.auditQuery(input.query.from, "from", range: 1...UInt64(Int64.max), default: 1)
        let limit = Int(try Self.auditQuery(input.query.limit, "limit", range: 1...500, default: 100))
        let subject = input.query._case
        let entries =
            if let subject {
                try await members.auditEntries(for: session, subject: subject, limit: limit)
            } else {
                try await members.auditEntries(for: session, from: from, limit: limit)
            }
        let events = entries.map {
            Components.Schemas.AuditPage.EventsPayloadPayload(
                sequence: Int(clamping: $0.sequence), at: $0.event.at, actor: $0.event.actor, action: $0.event.action,
                subject: $0.event.subject, hash: Data($0.hash).base64EncodedString())
        }
        let next = subject == nil && entries.count >= limit ? entries.last.map { Int(clamping: $0.sequence + 1) } : nil
        return .ok(.init(body: .json(.init(events: events, next: next))))
    }

    /// A whole number query value within `range`, or 422 naming the field, as `/api/v1/cases` does.
    /// The generated type is a plain string (`typeOverrides`), so the answer is this one and not
    /// the decoder's `400`, and it comes after the role check.
    static func auditQuery(_ text: String?, _ name: String, range: ClosedRange<UInt64>, default value: UInt64) throws -> UInt64 {
        guard let text else { return value }
        guard let number = UInt64(text), range.contains(number) else {
            throw APIError(
                .unprocessableContent, code: "validation_failed",
                message: "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound)", field: name)
        }
        return number
    }

    func auditCheckpoint(_ input: Operations.AuditCheckpoint.Input) async throws -> Operations.AuditCheckpoint.Output {
        let session = try RequestScope.requireMember()
        let checkpoint = try await members.checkpoint(for: session)
        return .ok(
            .init(
                body: .json(
                    .init(
                        chain: checkpoint.chain, sequence: Int(clamping: checkpoint.sequence), hash: checkpoint.hash,
                        signature: checkpoint.signature, key: checkpoint.key,
                        writtenAt: try AuditTimestampTranscoder().decode(checkpoint.writtenAt)))))
    }
}
