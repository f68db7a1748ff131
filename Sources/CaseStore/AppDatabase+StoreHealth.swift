import Casework
import Foundation
import GRDB
import SichtbarCore

extension AppDatabase: StoreHealth {
    public func stalledKeyRotations() async -> Int {
        let cutoff = Int64(Date().timeIntervalSince1970 - 3600)
        return
            (try? await writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM key_rotation WHERE failure IS NOT NULL OR started_at < ?",
                    arguments: [cutoff]) ?? 0
            }) ?? 0
    }
}
