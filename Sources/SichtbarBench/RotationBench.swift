import CaseStore
import Casework
import Foundation
import Intake
import Members
import Sealing

/// Key rotation of an office holding `cases` cases: seeds them through intake (sealed and
/// group-committed from `seedTasks` tasks, so that batches fill up), then times `beginRotation`
/// (new office keys sealed to every member and the recovery key) and `continueRotation` (every
/// case's keys opened with the old office key and sealed to the new one, 500 per transaction)
/// with no grace period.
func benchRotation(cases: Int, seedTasks: Int = 64) async throws {
    let folder = try Bench.temporaryFolder("rotation")
    defer { Bench.remove(folder) }
    let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
    let (office, keys) = try await Bench.createOffice(database)
    let (lead, leadKeys) = try await database.createMember(
        username: "lead.bench", role: .lead, office: office, keys: keys,
        passphrase: SecureBytes(utf8: "Bench-Sonne-Brücke-Anker-42"))
    _ = try await database.createMember(
        username: "berater.bench", role: .counsellor, office: office, keys: keys,
        passphrase: SecureBytes(utf8: "Bench-Wolke-Hafen-Ufer-17"))

    let intake = ReporterService(
        store: SQLiteReportStore(database: database), taxonomy: try Bench.taxonomy(),
        lookupKey: SecureBytes(randomCount: 32))
    let (_, seedSeconds) = try await Bench.time { try await Bench.submitConcurrently(intake, count: cases, tasks: seedTasks) }

    let store = SQLiteMemberStore(database: database, signer: SigningKeyPair())
    let service = try MemberService(store: store, policy: AccessPolicy(), rotationGrace: .zero)
    let session = Session(member: lead, keys: leadKeys)
    let (state, beginSeconds) = try await Bench.time { try await service.beginRotation(officeID: office.id, by: session) }
    let (resealed, continueSeconds) = try await Bench.time { try await service.continueRotation(officeID: office.id, by: session) }
    guard state.remaining == cases, resealed == cases, try await store.rotation(officeID: office.id) == nil,
        try await store.office(id: office.id)?.keyVersion == 2
    else {
        throw BenchFailure("rotation: \(state.remaining) to re-seal, \(resealed) re-sealed of \(cases)")
    }

    let table = Table(["rotation, office with \(cases) cases", "seconds", "cases/s"], widths: [35, 8, 9])
    table.row(["seed: intake, durable, \(seedTasks) tasks", format(seedSeconds, 1), format(Double(cases) / seedSeconds)])
    table.row(["beginRotation (new keys, seals)", format(beginSeconds, 2), ""])
    table.row(["continueRotation (re-seal cases)", format(continueSeconds, 1), format(Double(cases) / continueSeconds)])
    table.row([
        "rotation in total", format(beginSeconds + continueSeconds, 1),
        format(Double(cases) / (beginSeconds + continueSeconds)),
    ])
}
