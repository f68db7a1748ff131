import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore

/// Builds one office chain of `events` audit events with `SQLiteMemberStore.record`, `batch`
/// events per call (each call one transaction and one signed head), then times `verifyChain`
/// over it — what `sichtbar audit verify` runs. The folder is a data folder (`sichtbar.sqlite`
/// and `server.secrets`), so the command line can verify the same chain afterwards.
func benchAudit(folder: URL, events: Int, batch: Int) async throws {
    try FileManager.default.createDirectory(
        at: folder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
    let secrets = try ServerSecrets.loadOrCreate(at: folder.appendingPathComponent("server.secrets"))
    let database = try AppDatabase.open(path: folder.appendingPathComponent("sichtbar.sqlite").path)
    let store = SQLiteMemberStore(database: database, signer: secrets.signing)
    let (office, _) = try await Bench.createOffice(database)

    // A plausible mix: members log in, list cases, open cases (subjects are case ids), log out.
    let actors = (1...12).map { "berater.\($0)" } + ["lead.bench", "lead.zwei"]
    let cases = (0..<4_096).map { _ in EntityID.random().hex }
    let actions: [AuditAction] = [
        .login, .caseListViewed, .caseViewed, .caseViewed, .caseViewed, .caseViewed, .caseListViewed,
        .caseViewed, .caseViewed, .logout,
    ]
    let start = Date().addingTimeInterval(-Double(events))
    func makeEvents(_ range: Range<Int>) -> [AuditEvent] {
        let at = AuditEvent.timestamp(start.addingTimeInterval(Double(range.lowerBound)))
        return range.map { index in
            let action = actions[index % actions.count]
            let actor = actors[(index / actions.count) % actors.count]
            let subject = action == .caseViewed ? cases[index % cases.count] : (action == .login || action == .logout ? "" : actor)
            return AuditEvent(at: at, actor: actor, action: action, subject: subject)
        }
    }
    var appendSeconds = 0.0
    var written = 0
    while written < events {
        let count = min(batch, events - written)
        let chunk = makeEvents(written..<written + count)
        let (_, seconds) = try await Bench.time { try await store.record(chunk, chain: office.id) }
        appendSeconds += seconds
        written += count
    }
    await database.checkpoint()

    let (verdict, verifySeconds) = try await Bench.time {
        try await store.verifyChain(office.id, key: secrets.signing.publicKey)
    }
    guard verdict == .intact(count: UInt64(events)) else { throw BenchFailure("audit verify: \(verdict)") }
    // The hashing alone, without reading or decoding: as many links over events held in memory.
    let sample = makeEvents(0..<min(batch, events))
    let (_, hashSeconds) = Bench.timeSync {
        var previous = AuditChain.genesis
        for index in 0..<events {
            previous = AuditChain.link(
                previous: previous, chain: office.id, sequence: UInt64(index + 1),
                event: sample[index % sample.count])
        }
        return previous
    }

    let table = Table(["audit chain, \(events) events", "seconds", "events/s"], widths: [35, 8, 9])
    table.row(["record, \(batch) events per call", format(appendSeconds, 2), format(Double(events) / appendSeconds)])
    table.row(["verifyChain, in process", format(verifySeconds, 2), format(Double(events) / verifySeconds)])
    table.row(["hashing alone (AuditChain.link)", format(hashSeconds, 2), format(Double(events) / hashSeconds)])
}
