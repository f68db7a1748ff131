import Casework
import Foundation
import SichtbarCore

extension PostgresDatabase: StoreHealth {
    /// True when a writing transaction commits durably: the server answers and is not a standby (a
    /// read-only transaction refuses the UPDATE, whether or not it would change a row), and the
    /// commit writes WAL (an empty logical message, which touches no table) so that it waits for
    /// a synchronous standby as a report's does. With the standby down the probe does not
    /// return, and `HealthProbe` turns `/healthz` to 503 once its last answer is stale.
    public func isWritable() async -> Bool {
        do {
            try await write { session in
                try await session.execute("UPDATE office SET position = position WHERE false")
                try await session.execute("SELECT pg_logical_emit_message(true, 'sichtbar.health', '')")
            }
            return true
        } catch {
            return false
        }
    }

    public func stalledKeyRotations() async -> Int {
        let cutoff = Int(Date().timeIntervalSince1970 - 3600)
        return
            (try? await read { session in
                try await session.count("SELECT count(*) FROM key_rotation WHERE failure IS NOT NULL OR started_at < \(cutoff)")
            }) ?? 0
    }
}

extension PostgresDatabase {
    /// `server_version_num` (150012 for 15.12): the engine needs 13 or later.
    public func serverVersion() async throws -> Int {
        try await read { session in Int(try await session.one("SHOW server_version_num")?.string(0) ?? "") ?? 0 }
    }
}
