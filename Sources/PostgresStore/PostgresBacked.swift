import Foundation
import Sealing
import SichtbarCore

/// A store over the shared `PostgresContext`.
public protocol PostgresBacked: Sendable {
    var context: PostgresContext { get }
    init(_ context: PostgresContext)
}

extension PostgresBacked {
    public var database: PostgresDatabase { context.database }
    var signer: SigningKeyPair { context.signer }
    var today: @Sendable () -> Day { context.today }

    /// Appends in the caller's transaction: every change goes through here, so a change and its
    /// audit event commit together or not at all.
    func audit(_ event: AuditEvent, chain: EntityID, _ session: PostgresSession) async throws {
        try await PostgresAuditLog.append([event], chain: chain, signer: signer, today: today(), session)
    }

    func audit(_ events: [AuditEvent], chain: EntityID, _ session: PostgresSession) async throws {
        try await PostgresAuditLog.append(events, chain: chain, signer: signer, today: today(), session)
    }
}
