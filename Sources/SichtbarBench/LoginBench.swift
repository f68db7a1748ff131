import CaseStore
import Casework
import Foundation
import Members
import Sealing

/// Sequential member logins through `MemberService.login` (Argon2id interactive on the hashing
/// pool, the audit append with its signed head, the session), on an otherwise idle process; and
/// Argon2id alone for comparison.
func benchLogin(count: Int) async throws {
    let folder = try Bench.temporaryFolder("login")
    defer { Bench.remove(folder) }
    let database = try AppDatabase.open(path: folder.appendingPathComponent("bench.sqlite").path)
    let store = SQLiteMemberStore(database: database, signer: SigningKeyPair())
    let policy = try AccessPolicy.load(from: Bench.root.appendingPathComponent("Policies/access.yaml"))
    let service = try MemberService(store: store, policy: policy)
    let (office, keys) = try await Bench.createOffice(database)
    let passphrase = "Bench-Sonne-Brücke-Anker-42"
    let (member, _) = try await database.createMember(
        username: "lead.bench", role: .lead, office: office, keys: keys,
        passphrase: SecureBytes(utf8: passphrase))

    func login() async throws -> Double {
        let (_, seconds) = try await Bench.time {
            try await service.login(username: member.username, passphrase: SecureBytes(utf8: passphrase))
        }
        return seconds * 1000
    }
    _ = try await login()  // warm-up: first use of the pool's threads and the database
    var logins: [Double] = []
    for _ in 0..<count { logins.append(try await login()) }

    var unwraps: [Double] = []
    for _ in 0..<count {
        let (_, seconds) = try Bench.timeSync { try member.wrappedSecret.unwrap(passphrase: SecureBytes(utf8: passphrase)) }
        unwraps.append(seconds * 1000)
    }

    let table = Table(["login, sequential (\(count) each)", "p50 ms", "p99 ms", "logins/s"], widths: [35, 8, 8, 8])
    for (label, samples) in [("MemberService.login", logins), ("Argon2id unwrap alone", unwraps)] {
        table.row([
            label, format(Bench.percentile(samples, 50), 1), format(Bench.percentile(samples, 99), 1),
            format(Double(samples.count) / (samples.reduce(0, +) / 1000), 1),
        ])
    }
}
