import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics

/// `ReleaseStore` over PostgreSQL: frozen office releases and their sending to the Verband.
public struct PostgresReleaseStore: PostgresBacked {
    public let context: PostgresContext
    public init(_ context: PostgresContext) { self.context = context }
}

extension PostgresReleaseStore: ReleaseStore {
    /// Under the office's lock: two freezes at once see each other's release, and `admit` judges
    /// the privacy budget against every release kept.
    public func freeze(_ release: StoredRelease, audit: AuditEvent, admit: @escaping @Sendable ([StoredRelease]) throws -> Void)
        async throws -> StoredRelease
    {
        try await database.write { session in
            try await session.lock(.chain(release.officeID))
            let kept = try await Self.releases(session, officeID: release.officeID)
            if let existing = kept.first(where: { $0.period == release.period }) { return existing }
            try admit(kept)
            // Once a year's deleted cases lost their classifications, a quarter of it computed now would count too few.
            let year = String(release.period.prefix(4))
            if release.period.count == 7,
                try await session.one("SELECT 1 FROM retention_dropped_year WHERE office_id = \(release.officeID) AND year = \(year)")
                    != nil
            {
                throw FieldError.invalid(
                    field: "period",
                    message: """
                        \(release.period) cannot be computed any more: the year \(year) was released, and the retention \
                        policy has since dropped the classifications of its deleted cases. Release quarters before their year.
                        """)
            }
            try await session.execute(
                """
                INSERT INTO stat_release (id, office_id, period, created_at, key_version, sealed, epsilon)
                VALUES (\(release.id), \(release.officeID), \(release.period), \(release.createdAt), \(Int(release.keyVersion)),
                        \(bytes: release.sealed), \(release.epsilon))
                """)
            try await self.audit([audit], chain: release.officeID, session)
            return release
        }
    }

    public func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease? {
        try await database.read { session in
            try await session.rows(
                "SELECT \(unescaped: Self.columns) FROM stat_release WHERE id = \(id) AND office_id = \(officeID)"
            ).compactMap(Self.decode).first
        }
    }

    public func releases(officeID: EntityID) async throws -> [StoredRelease] {
        try await database.read { session in try await Self.releases(session, officeID: officeID) }
    }

    public func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool {
        try await database.write { session in
            let changed = try await session.changes(
                """
                UPDATE stat_release SET sent_at = \(at), verband_copy = \(bytes: verbandCopy)
                WHERE id = \(id) AND office_id = \(officeID) AND sent_at IS NULL RETURNING 1
                """)
            guard changed == 1 else { return false }
            try await self.audit([audit], chain: officeID, session)
            return true
        }
    }

    public func sentReleases() async throws -> [StoredRelease] {
        try await database.read { session in
            try await session.rows(
                "SELECT \(unescaped: Self.columns) FROM stat_release WHERE sent_at IS NOT NULL ORDER BY period DESC, office_id"
            ).compactMap(Self.decode)
        }
    }

    static let columns = "id, office_id, period, created_at, key_version, sealed, epsilon, sent_at, verband_copy"

    /// The office's releases, newest period first.
    static func releases(_ session: PostgresSession, officeID: EntityID) async throws -> [StoredRelease] {
        try await session.rows(
            "SELECT \(unescaped: columns) FROM stat_release WHERE office_id = \(officeID) ORDER BY period DESC"
        ).compactMap(decode)
    }

    static func decode(_ row: PostgresColumns) throws -> StoredRelease? {
        guard let id = row.id("id"), let office = row.id("office_id") else { return nil }
        return StoredRelease(
            id: id, officeID: office, period: try row.string("period"), createdAt: try row.string("created_at"),
            keyVersion: UInt32(try row.int("key_version")), sealed: try row.bytes("sealed"), epsilon: try row.optionalString("epsilon"),
            sentAt: try row.optionalString("sent_at"), verbandCopy: try row.optionalBytes("verband_copy"))
    }
}
