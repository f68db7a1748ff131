import Foundation
import PostgresTesting
import Testing

/// `--database URL` and `store copy` on the real binary with a real PostgreSQL (`.ci/postgres`):
/// the demo made and served on PostgreSQL, reports taken there, the chains verified there, the
/// store copied to SQLite and back with its checks, and every receipt read on each copy.
@Suite(.serialized, .enabled(if: PostgresTestServer.isInPlay)) struct StoreEngineEndToEndTests {
    @Test func aDeploymentMovesFromPostgreSQLToSQLiteAndBackWithEveryReceipt() async throws {
        let data = try ServerProcess.temporaryFolder().appendingPathComponent("data").path
        let (primary, dropPrimary) = try await Self.scratchURL()
        let (back, dropBack) = try await Self.scratchURL()
        defer {
            dropPrimary()
            dropBack()
        }

        // The demo, made and served on PostgreSQL; the data folder keeps only the secrets.
        let port = try MemberAPIClient.freePort()
        let demo = try ServerProcess(
            [
                "demo", "--json", "--data", data, "--database", primary, "--cases", "24", "--reports", "4", "--tallies", "3",
                "--port", "\(port)", "--metrics-port", "0", "--intake-per-address", "0", "--intake-global", "0",
            ], port: port)
        try await demo.waitUntilHealthy(seconds: 400)
        #expect(!FileManager.default.fileExists(atPath: data + "/sichtbar.sqlite"), "the SQLite file is not made beside PostgreSQL")
        #expect(FileManager.default.fileExists(atPath: data + "/server.secrets"))
        let summary = try #require(demo.log.split(separator: "\n").first { $0.hasPrefix("{") }.map { HTTP.json(String($0)) })
        let office = try #require((summary["offices"] as? [[String: Any]])?.first)
        let lead = try #require((office["members"] as? [[String: String]])?.first { $0["role"] == "lead" })
        var receipts = summary["receipts"] as? [String] ?? []
        for index in 0..<6 {
            let (status, body) = try await HTTP.post(
                "\(demo.baseURL)/api/v1/reports",
                json: #"{"language": "de", "narrative": "Auf PostgreSQL \#(index)", "contactWish": "mailbox", "consent": true}"#)
            #expect(status == 201, "\(body)")
            receipts.append(try #require(HTTP.json(body)["receipt"] as? String))
        }
        #expect(receipts.count >= 6)
        demo.terminate()

        let verified = try ServerProcess.run(["audit", "verify", "--data", data, "--database", primary])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("intact"), "\(verified.output)")

        // PostgreSQL → SQLite, the lead opening the sample on the copy.
        let sqlite = data + "/copy.sqlite"
        let copied = try ServerProcess.run(
            ["store", "copy", "--data", data, "--from", primary, "--to", sqlite, "--as", lead["username"] ?? "", "--json"],
            stdin: (lead["passphrase"] ?? "") + "\n")
        #expect(copied.status == 0, "\(copied.output)")
        let counts = HTTP.json(try #require(copied.output.split(separator: "\n").last { $0.hasPrefix("{") }.map(String.init)))
        #expect(counts["tables"] as? Int == 26)
        #expect((counts["rows"] as? Int ?? 0) > 300, "\(counts)")
        #expect((counts["compared"] as? Int ?? 0) >= 20, "\(counts)")
        #expect((counts["opened"] as? Int ?? 0) >= 1, "\(counts)")
        #expect(!copied.output.contains(lead["passphrase"] ?? "-"), "the passphrase is never echoed")

        // Into a store that holds data: refused, nothing written.
        let again = try ServerProcess.run(["store", "copy", "--data", data, "--from", primary, "--to", sqlite])
        #expect(again.status == 2, "\(again.output)")
        #expect(again.output.contains("not empty"), "\(again.output)")
        let same = try ServerProcess.run(["store", "copy", "--data", data, "--from", sqlite, "--to", sqlite])
        #expect(same.status == 2, "\(same.output)")

        // The SQLite copy serves every receipt.
        try await Self.expectReadable(receipts, data: data, database: sqlite)

        // And back: SQLite → a fresh PostgreSQL schema, which serves every receipt too.
        let returned = try ServerProcess.run(["store", "copy", "--data", data, "--from", sqlite, "--to", back, "--json"])
        #expect(returned.status == 0, "\(returned.output)")
        let returnedCounts = HTTP.json(try #require(returned.output.split(separator: "\n").last { $0.hasPrefix("{") }.map(String.init)))
        // The lead's openings on the SQLite copy were audited there: the copy back carries them too.
        #expect(
            (returnedCounts["rows"] as? Int ?? 0) >= (counts["rows"] as? Int ?? 0) + (counts["opened"] as? Int ?? 0), "\(returned.output)")
        // Its chains were verified after those openings: the copy back ends where they end.
        #expect(returnedCounts["events"] as? Int ?? 0 >= counts["events"] as? Int ?? 0)
        let backVerified = try ServerProcess.run(["audit", "verify", "--data", data, "--database", back])
        #expect(backVerified.status == 0, "\(backVerified.output)")
        try await Self.expectReadable(receipts, data: data, database: back)
    }

    @Test func aPostgreSQLStoreIsRefusedWithoutTheSecretsAndABadURLIsNamed() async throws {
        let folder = try ServerProcess.temporaryFolder()
        let (url, drop) = try await Self.scratchURL()
        defer { drop() }
        let made = try ServerProcess.run(
            [
                "init", "--data", folder.appendingPathComponent("a").path, "--database", url, "--office-name", "ADA Test", "--admin",
                "lead.test",
            ],
            stdin: "Kompass-Laterne-Ufer-77\n")
        #expect(made.status == 0, "\(made.output)")
        if URLComponents(string: url)?.password != nil {
            #expect(made.output.contains("process list"), "a password on the command line is warned about")
            #expect(!made.output.contains(URLComponents(string: url)?.password ?? "-"), "and never printed")
        }
        // Another data folder has other secrets: the store must not get new ones.
        let stranger = try ServerProcess.run(
            ["init", "--data", folder.appendingPathComponent("b").path, "--database", url, "--office-name", "X", "--admin", "lead.x"],
            stdin: "Kompass-Laterne-Ufer-77\n")
        #expect(stranger.status == 2, "\(stranger.output)")
        #expect(stranger.output.contains("server.secrets"), "\(stranger.output)")
        let serve = try ServerProcess.run(["serve", "--data", folder.appendingPathComponent("c").path, "--database", url])
        #expect(serve.status == 2, "\(serve.output)")
        let bad = try ServerProcess.run(["audit", "verify", "--data", folder.appendingPathComponent("a").path, "--database", "mysql://x/y"])
        #expect(bad.status == 2)
        #expect(bad.output.contains("--database"), "\(bad.output)")
        let backup = try ServerProcess.run([
            "backup", "--data", folder.appendingPathComponent("a").path, "--database", url, "--out", "/dev/null",
        ])
        #expect(backup.status == 2)
        #expect(backup.output.contains("pg_basebackup"), "\(backup.output)")
    }

    /// Serves `database` and reads every receipt's mailbox.
    static func expectReadable(_ receipts: [String], data: String, database: String) async throws {
        let port = try MemberAPIClient.freePort()
        let server = try ServerProcess(
            ["serve", "--data", data, "--database", database, "--port", "\(port)", "--metrics-port", "0"], port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy()
        var unreadable = 0
        for receipt in receipts {
            let (status, _) = try await HTTP.post("\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)"}"#)
            if status != 200 { unreadable += 1 }
        }
        #expect(
            unreadable == 0,
            "\(unreadable) of \(receipts.count) receipts unreadable on \(database.hasPrefix("postgres") ? "PostgreSQL" : "SQLite")")
    }

    /// A fresh schema on the test server, as a `--database` URL, and how to drop it.
    static func scratchURL() async throws -> (String, @Sendable () -> Void) {
        let server = ProcessInfo.processInfo.environment["SICHTBAR_TEST_POSTGRES"] ?? ""
        _ = try PostgresTestServer.url()
        let schema = "sichtbar_test_e2e_" + UUID().uuidString.prefix(8).lowercased()
        try await PostgresTestServer.execute("CREATE SCHEMA \(schema)")
        try await PostgresTestServer.execute("COMMENT ON SCHEMA \(schema) IS '\(Int(Date().timeIntervalSince1970))'")
        let url = server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
        return (url, { Task.detached { try? await PostgresTestServer.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE") } })
    }
}
