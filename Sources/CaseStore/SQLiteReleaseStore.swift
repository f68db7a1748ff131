import Casework
import Foundation
import GRDB
import Sealing
import SichtbarCore
import Statistics

/// `ReleaseStore` over SQLite: frozen office releases and their sending to the Verband.
public struct SQLiteReleaseStore: SQLiteStore {
    public let context: SQLiteContext
    public init(_ context: SQLiteContext) { self.context = context }
}

extension SQLiteReleaseStore: ReleaseStore {
    public func freeze(_ release: StoredRelease, audit: AuditEvent, admit: @escaping @Sendable ([StoredRelease]) throws -> Void)
        async throws -> StoredRelease
    {
        try await writer.write { db in
            let kept = try Self.release(db, where: "office_id = ?", [release.officeID])
            if let existing = kept.first(where: { $0.period == release.period }) {
                return existing
            }
            try admit(kept)
            // Once a year's deleted cases lost their classifications, a quarter of it computed now would count too few.
            if release.period.count == 7,
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM retention_dropped_year WHERE office_id = ? AND year = ?",
                    arguments: [release.officeID, String(release.period.prefix(4))]) == true
            {
                throw FieldError.invalid(
                    field: "period",
                    message: """
                        \(release.period) cannot be computed any more: the year \(release.period.prefix(4)) was released, and the retention \
                        policy has since dropped the classifications of its deleted cases. Release quarters before their year.
                        """)
            }
            try db.execute(
                sql: """
                    INSERT INTO stat_release (id, office_id, period, created_at, key_version, sealed, epsilon)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    release.id, release.officeID, release.period, release.createdAt,
                    Int64(release.keyVersion), Data(release.sealed), release.epsilon,
                ])
            try self.audit([audit], chain: release.officeID, db)
            return release
        }
    }

    public func release(id: EntityID, officeID: EntityID) async throws -> StoredRelease? {
        try await writer.read { db in
            try Self.release(db, where: "id = ? AND office_id = ?", [id, officeID]).first
        }
    }

    public func releases(officeID: EntityID) async throws -> [StoredRelease] {
        try await writer.read { db in
            try Self.release(db, where: "office_id = ?", [officeID])
        }
    }

    public func markSent(id: EntityID, officeID: EntityID, verbandCopy: [UInt8], at: String, audit: AuditEvent) async throws -> Bool {
        try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE stat_release SET sent_at = ?, verband_copy = ? WHERE id = ? AND office_id = ? AND sent_at IS NULL
                    """, arguments: [at, Data(verbandCopy), id, officeID])
            guard db.changesCount == 1 else { return false }
            try self.audit([audit], chain: officeID, db)
            return true
        }
    }

    public func sentReleases() async throws -> [StoredRelease] {
        try await writer.read { db in
            try Self.release(db, where: "sent_at IS NOT NULL", [])
        }
    }

    static func release(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [StoredRelease] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, office_id, period, created_at, key_version, sealed, epsilon, sent_at, verband_copy
                FROM stat_release WHERE \(condition) ORDER BY period DESC, office_id
                """, arguments: arguments
        ).compactMap { row in
            guard let id = row.entityID(0), let office = row.entityID(1) else {
                return nil
            }
            return StoredRelease(
                id: id, officeID: office, period: row[2], createdAt: row[3], keyVersion: UInt32(row[4] as Int64),
                sealed: [UInt8](row[5] as Data), epsilon: row[6], sentAt: row[7], verbandCopy: (row[8] as Data?).map { [UInt8]($0) })
        }
    }
}
