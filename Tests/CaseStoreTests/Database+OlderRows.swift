import Foundation
import GRDB

@testable import CaseStore

/// The rows the migration tests write before a migration runs: the smallest office and case the
/// tables take, with zero keys and an empty profile.
extension Database {
    /// A database migrated only up to `version`, to see what a later migration does to its rows.
    static func migrated(upTo version: String) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: version)
        return queue
    }

    func insertOffice(_ id: Data, position: Int = 1) throws {
        try execute(
            sql: """
                INSERT INTO office (id, position, name, public_key, key_version, recovery_public_key, profile)
                VALUES (?, ?, 'A', zeroblob(32), 1, zeroblob(32), '{}')
                """, arguments: [id, position])
    }

    /// A Meldung that came in online on `day`, still in its first step.
    func insertCase(_ id: Data, office: Data, receivedOn day: String) throws {
        try execute(
            sql: """
                INSERT INTO case_file (id, office_id, office_key_version, sealed_keys, kind, step, channel, received_on)
                VALUES (?, ?, 1, x'00', 'meldung', 'eingegangen', 'online_formular', ?)
                """, arguments: [id, office, day])
    }
}
