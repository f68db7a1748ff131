import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Backup and restore on the real binary: a backup taken while 16 connections report, restored
/// into a fresh folder and served from there, where every report acknowledged before the backup
/// began opens with its receipt; the file holds none of the reports' texts; a wrong key and a
/// folder that is not empty are refused.
@Suite(.serialized) struct BackupEndToEndTests {
    /// Acknowledged reports: receipt, marker in the narrative, and when the answer came.
    actor Ledger {
        var acknowledged: [(receipt: String, marker: String, at: ContinuousClock.Instant)] = []
        var failures: [String] = []
        var stopped = false
        func add(_ receipt: String, _ marker: String) { acknowledged.append((receipt, marker, .now)) }
        func fail(_ text: String) { failures.append(text) }
        func stop() { stopped = true }
    }

    /// Runs a blocking command off the cooperative pool, so the load keeps going meanwhile.
    static func detached<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.httpCookieStorage = nil
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    @Test func aBackupTakenUnderLoadRestoresEveryAcknowledgedReport() async throws {
        let office = try OfficeFixture.create()
        let base = office.folder.deletingLastPathComponent()
        let keyFile = base.appendingPathComponent("backup.key")
        let made = try CLI.run(["backup", "key", "--data", office.data, "--out", keyFile.path, "--json"])
        #expect(made.status == 0, "\(made.output)")
        #expect((made.json["publicKey"] as? String)?.count == 64)
        let server = try await office.serve(["--intake-per-address", "0", "--intake-global", "0", "--mailbox-per-address", "0"])
        defer { server.terminate() }

        let ledger = Ledger()
        let url = URL(string: "\(server.baseURL)/api/v1/reports")!
        let workers = (0..<16).map { worker in
            Task {
                for index in 0..<400 {
                    if await ledger.stopped { return }
                    let marker = "MARKER\(worker)x\(index)x\(UUID().uuidString.prefix(8))"
                    var request = URLRequest(url: url)
                    request.httpMethod = "POST"
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.httpBody = Data(
                        #"{"language": "de", "narrative": "\#(marker): Mir wurde die Wohnung verweigert.", "contactWish": "mailbox", "consent": true}"#
                            .utf8)
                    do {
                        let (data, response) = try await Self.session.data(for: request)
                        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                        if status == 201, let receipt = HTTP.json(String(decoding: data, as: UTF8.self))["receipt"] as? String {
                            await ledger.add(receipt, marker)
                        } else {
                            await ledger.fail("\(status)")
                        }
                    } catch {
                        await ledger.fail("\(error)")
                    }
                }
            }
        }
        // The load runs until at least 50 reports are acknowledged (a debug build on two busy cores is slow to start).
        let loaded = try await waitUntil(seconds: 120) { await ledger.acknowledged.count >= 50 }
        #expect(loaded, "the load got going")
        let backupStarted = ContinuousClock.now
        let beforeBackup = await ledger.acknowledged.count
        let backupFile = base.appendingPathComponent("sichtbar.backup")
        let backup = try await Self.detached {
            try CLI.run(["backup", "--data", office.data, "--out", backupFile.path, "--json"])
        }
        #expect(backup.status == 0, "\(backup.output)")
        // And goes on after it, so reports made while the backup ran are among them.
        _ = try await waitUntil(seconds: 30) { await ledger.acknowledged.count >= beforeBackup + 20 }
        await ledger.stop()
        for worker in workers { await worker.value }
        let acknowledged = await ledger.acknowledged
        let before = acknowledged.filter { $0.at < backupStarted }
        let failures = await ledger.failures
        print(
            "backup under load: \(acknowledged.count) reports acknowledged, \(before.count) before the backup began, "
                + "backup \(backup.json["seconds"] ?? "?") s, \(backup.json["bytes"] ?? "?") bytes")
        #expect(failures.isEmpty, "intake under the backup answered: \(failures.prefix(5))")
        #expect(before.count >= 50, "the load ran before the backup: \(before.count)")
        #expect(acknowledged.count > before.count, "and went on while it was made")

        // The file holds no report's text and no SQLite header.
        let bytes = try Data(contentsOf: backupFile)
        #expect(bytes.range(of: Data("SQLite format 3".utf8)) == nil)
        for (_, marker, _) in acknowledged {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(marker) is readable in the backup")
        }
        server.terminate()

        // Restored into a fresh folder and served from there: every report acknowledged before the backup opens.
        let restoredFolder = base.appendingPathComponent("restored")
        let restored = try CLI.run(["restore", "--from", backupFile.path, "--key", keyFile.path, "--data", restoredFolder.path, "--json"])
        #expect(restored.status == 0, "\(restored.output)")
        #expect((restored.json["cases"] as? Int ?? 0) >= before.count)
        let copy = OfficeFixture(
            folder: restoredFolder, office: office.office, recoveryCode: office.recoveryCode, signingKey: office.signingKey,
            lead: office.lead, leadPassphrase: office.leadPassphrase)
        let second = try await copy.serve(["--mailbox-per-address", "0"])
        defer { second.terminate() }
        var missing: [String] = []
        for (receipt, marker, _) in before {
            let (status, body) = try await HTTP.post(
                "\(second.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)", "includeReport": true}"#)
            let narrative = ((HTTP.json(body)["report"] as? [String: Any])?["narrative"] as? String) ?? ""
            if status != 200 || !narrative.hasPrefix(marker) { missing.append(marker) }
        }
        #expect(missing.isEmpty, "\(missing.count) of \(before.count) acknowledged reports did not open after the restore")
        let verify = try CLI.run(["audit", "verify", "--data", restoredFolder.path])
        #expect(verify.status == 0, "\(verify.output)")

        // Another key opens nothing; a folder that is not empty is not restored into.
        let otherKey = base.appendingPathComponent("other.key")
        #expect(
            try CLI.run(["backup", "key", "--data", base.appendingPathComponent("elsewhere").path, "--out", otherKey.path]).status == 0)
        let wrong = try CLI.run([
            "restore", "--from", backupFile.path, "--key", otherKey.path, "--data", base.appendingPathComponent("wrong").path,
        ])
        #expect(wrong.status == 1 && wrong.stderr.contains("not made for this backup key"), "\(wrong.output)")
        let occupied = try CLI.run(["restore", "--from", backupFile.path, "--key", keyFile.path, "--data", office.data])
        #expect(occupied.status == 2 && occupied.stderr.contains("not empty"), "\(occupied.output)")
    }
}
