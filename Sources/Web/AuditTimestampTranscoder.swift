import Foundation
import OpenAPIRuntime
import SichtbarCore

/// Times in the generated answers (`format: date-time`) written as the audit chain writes them:
/// UTC to the second, `2026-11-21T09:30:00Z`, as the hand-written answers were.
struct AuditTimestampTranscoder: DateTranscoder {
    /// The contract's times are RFC 3339; the runtime's transcoder reads them.
    private let reading = ISO8601DateTranscoder()

    func encode(_ date: Date) throws -> String { AuditEvent.timestamp(date) }

    func decode(_ text: String) throws -> Date { try reading.decode(text) }
}
