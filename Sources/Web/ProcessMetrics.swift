import Casework
import Foundation
import Members
import SichtbarCore

/// Prometheus text for the metrics port: uptime, memory, store health, and the Argon2id work
/// logins cost. Deliberately nothing that counts or times intake, so polling it cannot tell when
/// someone reported, and nothing per member.
public struct ProcessMetrics: Sendable {
    let started = Date()
    let health: any StoreHealth
    let members: MemberService?

    public init(health: any StoreHealth, members: MemberService? = nil) {
        self.health = health
        self.members = members
    }

    func exposition() async -> String {
        let writable = await health.isWritable() ? 1 : 0
        let logins = await loginLines()
        return """
            # HELP sichtbar_up Whether the service is running.
            # TYPE sichtbar_up gauge
            sichtbar_up 1
            # HELP sichtbar_store_writable Whether the case store accepts writes.
            # TYPE sichtbar_store_writable gauge
            sichtbar_store_writable \(writable)
            # HELP sichtbar_key_rotations_stalled Offices whose key rotation failed or has run for over an hour.
            # TYPE sichtbar_key_rotations_stalled gauge
            sichtbar_key_rotations_stalled \(await health.stalledKeyRotations())
            # HELP process_start_time_seconds Start time of the process since the epoch.
            # TYPE process_start_time_seconds gauge
            process_start_time_seconds \(Int(started.timeIntervalSince1970))
            # HELP process_resident_memory_bytes Resident memory of the process.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes \(Self.residentBytes())

            """ + logins
    }

    /// Totals since start over all members: what guessing passphrases costs and how much of it
    /// the login throttle turned away.
    func loginLines() async -> String {
        guard let members else { return "" }
        return """
            # HELP sichtbar_passphrase_hashes_total Argon2id passphrase hashes started since the process started.
            # TYPE sichtbar_passphrase_hashes_total counter
            sichtbar_passphrase_hashes_total \(members.passphraseHashes)
            # HELP sichtbar_login_throttled_total Login attempts refused by the throttle without a hash.
            # TYPE sichtbar_login_throttled_total counter
            sichtbar_login_throttled_total \(await members.throttledAttempts())

            """
    }

    /// VmRSS from /proc (Linux); 0 elsewhere.
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}
