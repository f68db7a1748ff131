import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A command of the real binary run to completion, standard output and error kept apart (progress
/// goes to standard error, `--json` to standard output).
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String

    var output: String { stdout + stderr }
    /// The first line of standard output as a JSON object (`--json` prints one).
    var json: [String: Any] { HTTP.json(stdout.split(separator: "\n").first.map(String.init) ?? "") }
}

enum CLI {
    /// Runs `sichtbar ARGS` with `stdin` (passphrases, one per line) and waits for it.
    static func run(_ arguments: [String], stdin: String = "", fakeTime: String? = nil) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory
        let outURL = folder.appendingPathComponent("sichtbar-cli-\(UUID().uuidString).out")
        let errURL = folder.appendingPathComponent("sichtbar-cli-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        if let fakeTime {
            // libfaketime moves the binary's clock, starting at `fakeTime` (local time) and ticking on.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/faketime")
            process.arguments = ["-f", "@\(fakeTime)", ServerProcess.binary.path] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
            process.environment = environment
        } else {
            process.executableURL = ServerProcess.binary
            process.arguments = arguments
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        ChildInput.send(Data(stdin.utf8), to: pipe)
        process.waitQuietly()
        try out.close()
        try err.close()
        return CommandResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }

    /// Runs a short Python program against the SQLite database (python3 ships with every CI image;
    /// no sqlite3 command-line tool needed). `sys.argv[1]` is the database path, then `arguments`.
    /// Returns standard output; throws with the error output when the program fails.
    static func python(_ program: String, database: URL, _ arguments: [String] = []) throws -> String {
        try python(program, arguments: [database.path] + arguments)
    }

    /// Runs a short Python program with `arguments` (`sys.argv[1...]`); its standard output.
    static func python(_ program: String, arguments: [String]) throws -> String {
        let (status, output) = try Program.run("/usr/bin/env", ["python3", "-c", program] + arguments)
        guard status == 0 else { throw E2EError("python3 failed: \(output)") }
        return output
    }

    /// One value from the database, through `sqlite3` in Python (`?` placeholders take `arguments`).
    static func query(_ database: URL, _ sql: String, _ arguments: [String] = []) throws -> String {
        try python(
            """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            rows = db.execute(sys.argv[2], tuple(sys.argv[3:])).fetchall()
            print("\\n".join("|".join("" if v is None else (v.hex() if isinstance(v, bytes) else str(v)) for v in row) for row in rows))
            db.close()
            """, database: database, [sql] + arguments
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A data folder with one office and its first lead, made by `sichtbar init --json`.
struct OfficeFixture {
    let folder: URL
    let office: String
    let recoveryCode: String
    let signingKey: String
    let lead: String
    let leadPassphrase: String
    /// `--database URL` for every command and `serve`; empty for the data folder's SQLite file.
    var databaseArguments: [String] = []

    var data: String { folder.path }
    var database: URL { folder.appendingPathComponent("sichtbar.sqlite") }

    static func create(
        lead: String = "lead.koeln", leadPassphrase: String = "Kompass-Laterne-Ufer-77", database: String? = nil
    ) throws -> OfficeFixture {
        let folder = try ServerProcess.temporaryFolder().appendingPathComponent("data")
        let databaseArguments = database.map { ["--database", $0] } ?? []
        let result = try CLI.run(
            ["init", "--data", folder.path, "--office-name", "ADA Köln", "--admin", lead, "--json"] + databaseArguments,
            stdin: leadPassphrase + "\n")
        guard result.status == 0 else { throw E2EError("init failed: \(result.output)") }
        let json = result.json
        guard let office = json["office"] as? String, let code = json["recoveryCode"] as? String,
            let key = json["signingKey"] as? String
        else { throw E2EError("init printed no office: \(result.output)") }
        // The privacy notice's facts, without which the office takes no reports.
        let profile = try CLI.run(
            [
                "office", "profile", "--data", folder.path, "--office", office, "--as", lead,
                "--controller", "Träger e. V. (Test)", "--law", "dsgvo", "--dpo", "datenschutz@example.org",
            ] + databaseArguments,
            stdin: leadPassphrase + "\n")
        guard profile.status == 0 else { throw E2EError("office profile failed: \(profile.output)") }
        return OfficeFixture(
            folder: folder, office: office, recoveryCode: code, signingKey: key, lead: lead,
            leadPassphrase: leadPassphrase, databaseArguments: databaseArguments)
    }

    /// `sichtbar serve` on a free loopback port, healthy. The caller terminates it (`defer`).
    /// The free port is the kernel's choice at that moment; with the suites side by side (one of
    /// them opening 20,000 client sockets) another socket can take it before the server binds it,
    /// so a start refused with "Address already in use" is tried again on another port.
    func serve(_ flags: [String] = [], environment: [String: String] = [:]) async throws -> ServerProcess {
        for attempt in 1...3 {
            let port = try MemberAPIClient.freePort()
            let server = try ServerProcess(
                ["serve", "--data", data, "--host", "127.0.0.1", "--port", "\(port)", "--metrics-port", "0"] + databaseArguments + flags,
                port: port, environment: environment)
            do {
                try await server.waitUntilHealthy()
                return server
            } catch {
                server.kill()
                if attempt < 3, server.log.contains("Address already in use") { continue }
                throw error
            }
        }
        throw E2EError("no free port for the server")
    }

    /// `user invite --json` as the lead; returns the invitation token.
    func invite(_ role: String) throws -> String {
        let result = try CLI.run(
            ["user", "invite", "--data", data, "--office", office, "--role", role, "--as", lead, "--json"],
            stdin: leadPassphrase + "\n")
        guard result.status == 0, let token = result.json["invitation"] as? String else {
            throw E2EError("user invite failed: \(result.output)")
        }
        return token
    }

    /// `user enrol` with the new member's passphrase on standard input.
    func enrol(_ invitation: String, username: String, passphrase: String) throws -> CommandResult {
        try CLI.run(["user", "enrol", "--data", data, "--invitation", invitation, "--username", username], stdin: passphrase + "\n")
    }

    /// The office's key version, from the `office` table.
    func keyVersion() throws -> Int {
        guard let version = Int(try CLI.query(database, "SELECT key_version FROM office WHERE lower(hex(id)) = ?", [office])) else {
            throw E2EError("no key version for \(office)")
        }
        return version
    }

    /// The distinct `office_key_version` values of the office's case files.
    func caseKeyVersions() throws -> [Int] {
        try CLI.query(database, "SELECT DISTINCT office_key_version FROM case_file WHERE lower(hex(office_id)) = ? ORDER BY 1", [office])
            .split(separator: "\n").compactMap { Int($0) }
    }

    func caseCount() throws -> Int {
        Int(try CLI.query(database, "SELECT count(*) FROM case_file WHERE lower(hex(office_id)) = ?", [office])) ?? -1
    }
}

/// The members' JSON API, on one server.
struct MemberAPIClient {
    let base: String

    init(_ server: ServerProcess) { base = "\(server.baseURL)/api/v1" }

    /// Sends a request; `body` is encoded as JSON.
    func call(_ method: String, _ path: String, token: String? = nil, body: [String: Any]? = nil) async throws -> (
        status: Int, body: String
    ) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (status, text) = try await HTTP.send(request)
        return (status, text)
    }

    func login(_ username: String, _ passphrase: String) async throws -> (status: Int, body: String) {
        try await call("POST", "/sessions", body: ["username": username, "passphrase": passphrase])
    }

    /// Logs in and returns the token, or fails the test.
    func token(_ username: String, _ passphrase: String) async throws -> String {
        let (status, body) = try await login(username, passphrase)
        guard status == 201, let token = HTTP.json(body)["token"] as? String else {
            throw E2EError("login of \(username) answered \(status): \(body)")
        }
        return token
    }

    /// Submits a reporter's report; returns the receipt.
    @discardableResult
    func report(_ narrative: String) async throws -> String {
        let (status, body) = try await call(
            "POST", "/reports", body: ["language": "de", "narrative": narrative, "contactWish": "mailbox", "consent": true])
        guard status == 201, let receipt = HTTP.json(body)["receipt"] as? String else {
            throw E2EError("report answered \(status): \(body)")
        }
        return receipt
    }

    /// Every case id the member sees (first page; the tests stay far below 100).
    func caseIDs(token: String) async throws -> [String] {
        let (status, body) = try await call("GET", "/cases", token: token)
        guard status == 200, let cases = HTTP.json(body)["cases"] as? [[String: Any]] else {
            throw E2EError("case list answered \(status): \(body)")
        }
        return cases.compactMap { $0["id"] as? String }
    }

    /// The narrative of a case as the member opens it (nil when it does not open).
    func narrative(of id: String, token: String) async throws -> String? {
        let (status, body) = try await call("GET", "/cases/\(id)", token: token)
        guard status == 200 else { return nil }
        return (HTTP.json(body)["report"] as? [String: Any])?["narrative"] as? String
    }

    /// A loopback port nobody listens on and no other test of this process was given
    /// (`ServerProcess.freePort`; the kernel's choice for port 0 lies in the ephemeral range,
    /// where outgoing connections take their source ports).
    static func freePort() throws -> Int {
        ServerProcess.freePort()
    }
}

/// An error body's code, or nil.
func errorCode(_ body: String) -> String? {
    (HTTP.json(body)["error"] as? [String: Any])?["code"] as? String
}

/// A unique, findable narrative.
func uniqueNarrative(_ label: String) -> String {
    "E2E \(label) \(UUID().uuidString.prefix(8)): Die Wohnung wurde mir wegen meines Namens verweigert."
}
