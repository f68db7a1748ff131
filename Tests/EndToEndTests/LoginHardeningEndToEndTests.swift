import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Logins and the data folder on the real binary: what 20 parallel guesses cost in Argon2id
/// (read from the metrics listener), the deny-list of Policies/common-passwords.txt, and a
/// database whose secrets file is gone.
@Suite struct LoginHardeningEndToEndTests {
    /// `sichtbar ARGS` exactly as given, stopped after `seconds` (a server that should have
    /// refused to start would otherwise run for ever); exit status and output.
    static func runBounded(_ arguments: [String], seconds: Double = 120) async throws -> (status: Int32, output: String, timedOut: Bool) {
        let logURL = ServerProcess.testFolder.appendingPathComponent("login-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logURL) }
        let log = try FileHandle(forWritingTo: logURL)
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let timedOut = process.isRunning
        if timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitQuietly()
        }
        try log.close()
        return (process.terminationStatus, (try? String(contentsOf: logURL, encoding: .utf8)) ?? "", timedOut)
    }

    static func metric(_ name: String, port: Int) async throws -> Int {
        let (status, text) = try await HTTP.get("http://127.0.0.1:\(port)/metrics")
        guard status == 200, let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + " ") }),
            let value = Int(line.split(separator: " ").last ?? "")
        else {
            throw E2EError("no \(name) on /metrics (\(status)): \(text)")
        }
        return value
    }

    /// Hashes the shipped policy lets through in `elapsed` for one username: the first at once,
    /// each further one only after the doubling delay since the failure before it.
    static func allowedHashes(within elapsed: Duration, base: Duration = .milliseconds(250), maximum: Duration = .milliseconds(8000)) -> Int
    {
        var allowed = 1
        var spent = Duration.zero
        var delay = base
        while true {
            spent += min(delay, maximum)
            guard spent <= elapsed else { return allowed }
            allowed += 1
            delay *= 2
        }
    }

    @Test func twentyParallelWrongLoginsCostNoMoreHashesThanTheThrottleAllows() async throws {
        let office = try OfficeFixture.create()
        let port = try MemberAPIClient.freePort()
        let metricsPort = try MemberAPIClient.freePort()
        let server = try ServerProcess(
            [
                "serve", "--data", office.data, "--host", "127.0.0.1", "--port", "\(port)",
                "--metrics-port", "\(metricsPort)",
            ], port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy()
        let api = MemberAPIClient(server)

        let before = try await Self.metric("sichtbar_passphrase_hashes_total", port: metricsPort)
        let started = ContinuousClock.now
        // Twenty connections at once (URLSession's default would send six at a time).
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 20
        configuration.httpCookieStorage = nil
        configuration.timeoutIntervalForRequest = 60
        let session = URLSession(configuration: configuration)
        let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for attempt in 0..<20 {
                group.addTask {
                    var request = URLRequest(url: URL(string: "\(api.base)/sessions")!)
                    request.httpMethod = "POST"
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.httpBody = try JSONSerialization.data(withJSONObject: [
                        "username": office.lead,
                        "passphrase": "Falsche-Passphrase-Ufer-\(attempt)",
                    ])
                    let (data, response) = try await session.data(for: request)
                    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - started
        let hashes = try await Self.metric("sichtbar_passphrase_hashes_total", port: metricsPort) - before
        let throttled = try await Self.metric("sichtbar_login_throttled_total", port: metricsPort)
        let allowed = Self.allowedHashes(within: elapsed)
        print(
            "20 parallel wrong logins: \(hashes) Argon2id hashes, \(throttled) refused by the throttle, in \(elapsed); the policy allows \(allowed)"
        )

        #expect(hashes <= allowed, "\(hashes) hashes in \(elapsed), the throttle allows \(allowed)")
        #expect(hashes < 20, "before the throttle admitted attempts one at a time, every one of the 20 ran its hash")
        #expect(answers.filter { $0.0 == 401 }.count == hashes, "each hash is one 401")
        #expect(answers.filter { $0.0 == 429 && errorCode($0.1) == "rate_limited" }.count == 20 - hashes)
        #expect(throttled == 20 - hashes)

        // No lockout: the right passphrase works once the delay has passed.
        try await Task.sleep(for: .seconds(1))
        let (status, _) = try await api.login(office.lead, office.leadPassphrase)
        #expect(status == 201)
        let (_, metrics) = try await HTTP.get("http://127.0.0.1:\(metricsPort)/metrics")
        #expect(!metrics.contains(office.lead), "the metrics name no member")
    }

    @Test func aCommonPasswordIsRefusedAtEnrolmentByTheCommandLineAndTheAPI() async throws {
        let office = try OfficeFixture.create()
        // 12 characters, on the zxcvbn list, and not among the few built-in ones.
        let refused = try office.enrol(try office.invite("counsellor"), username: "carla.rat", passphrase: "1qaz2wsx3edc")
        #expect(refused.status == 2, "\(refused.output)")
        #expect(refused.output.contains("commonly used"), "\(refused.output)")

        let server = try await office.serve()
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        let invitation = try office.invite("counsellor")
        let (status, body) = try await api.call(
            "POST", "/enrolment",
            body: ["invitation": invitation, "username": "dora.rat", "passphrase": "Sonnenschein2026"])
        #expect(status == 422, "\(body)")
        #expect(body.contains("commonly used"), "\(body)")
        let (accepted, _) = try await api.call(
            "POST", "/enrolment",
            body: ["invitation": invitation, "username": "dora.rat", "passphrase": "Kompass-Laterne-Birke-58"])
        #expect(accepted == 201)
    }

    @Test func aServerWithAShortDenyListRefusesToStart() async throws {
        let office = try OfficeFixture.create()
        let policies = try ServerProcess.temporaryFolder().appendingPathComponent("Policies")
        try FileManager.default.copyItem(at: ServerProcess.root.appendingPathComponent("Policies"), to: policies)
        let list = policies.appendingPathComponent("common-passwords.txt")
        let short = try String(contentsOf: list, encoding: .utf8).split(separator: "\n").prefix(9_000).joined(separator: "\n")
        try short.write(to: list, atomically: true, encoding: .utf8)
        let port = try MemberAPIClient.freePort()
        let result = try await Self.runBounded([
            "serve", "--data", office.data, "--port", "\(port)", "--metrics-port", "0",
            "--policies", policies.path,
            "--templates", ServerProcess.root.appendingPathComponent("Templates").path,
        ])
        #expect(!result.timedOut, "the server started on a short deny-list")
        #expect(result.status == 2, "\(result.output)")
        #expect(result.output.contains("common-passwords.txt") && result.output.contains("10000"), "\(result.output)")
    }

    @Test func aDatabaseWithoutItsSecretsFileRefusesToStart() async throws {
        let office = try OfficeFixture.create()
        let secrets = office.folder.appendingPathComponent("server.secrets")
        #expect(FileManager.default.fileExists(atPath: secrets.path))
        try FileManager.default.removeItem(at: secrets)

        let port = try MemberAPIClient.freePort()
        let served = try await Self.runBounded([
            "serve", "--data", office.data, "--port", "\(port)", "--metrics-port", "0",
            "--policies", ServerProcess.root.appendingPathComponent("Policies").path,
            "--templates", ServerProcess.root.appendingPathComponent("Templates").path,
        ])
        #expect(!served.timedOut, "the server started with new secrets")
        #expect(served.status == 2, "\(served.output)")
        #expect(served.output.contains("server.secrets") && served.output.contains("missing"), "\(served.output)")
        #expect(!FileManager.default.fileExists(atPath: secrets.path), "no new secrets were made")

        // The commands that open the folder refuse alike; `init` too, which may create a folder.
        let invite = try CLI.run(
            [
                "user", "invite", "--data", office.data, "--office", office.office, "--role", "counsellor",
                "--as", office.lead,
            ], stdin: office.leadPassphrase + "\n")
        #expect(invite.status == 2, "\(invite.output)")
        let initAgain = try CLI.run(
            ["init", "--data", office.data, "--office-name", "Zweite", "--admin", "lead.zwei"],
            stdin: "Kompass-Laterne-Birke-58\n")
        #expect(initAgain.status == 2, "\(initAgain.output)")
        #expect(initAgain.output.contains("missing"), "\(initAgain.output)")
        #expect(!FileManager.default.fileExists(atPath: secrets.path), "no new secrets were made")
    }
}
