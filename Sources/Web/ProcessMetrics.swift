import Casework
import Foundation

/// Prometheus text for the metrics port: uptime, memory, store health. Deliberately nothing that
/// counts or times intake, so polling it cannot tell when someone reported.
public struct ProcessMetrics: Sendable {
    let started = Date()
    let health: any StoreHealth

    public init(health: any StoreHealth) {
        self.health = health
    }

    func exposition() async -> String {
        let writable = await health.isWritable() ? 1 : 0
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
