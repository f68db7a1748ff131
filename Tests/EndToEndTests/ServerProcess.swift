import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real `sichtbar` binary, started on loopback for a test and stopped by it.
final class ServerProcess: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SICHTBAR_BIN"] { return URL(fileURLWithPath: path) }
        return root.appendingPathComponent(".build/debug/sichtbar")
    }

    let process = Process()
    let port: Int
    let logURL: URL
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs `sichtbar ARGS` with the repository's Policies and Templates; output goes to a log file.
    init(_ arguments: [String], port: Int, stdin: String? = nil, environment: [String: String] = [:]) throws {
        self.port = port
        logURL = Self.testFolder.appendingPathComponent("server-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = Self.binary
        let takesResources = ["serve", "demo"].contains(arguments.first) || arguments.contains("profile")
        process.arguments =
            arguments
            + (takesResources
                ? [
                    "--policies", Self.root.appendingPathComponent("Policies").path,
                    "--templates", Self.root.appendingPathComponent("Templates").path,
                ] : [])
        process.standardOutput = log
        process.standardError = log
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            ChildInput.send(Data(stdin.utf8), to: pipe)
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
    }

    /// Runs a command to completion; returns exit code and output.
    static func run(_ arguments: [String], stdin: String = "") throws -> (status: Int32, output: String) {
        let server = try ServerProcess(arguments, port: 0, stdin: stdin)
        server.process.waitQuietly()
        return (server.process.terminationStatus, server.log)
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Waits until `/healthz` answers 200 (at most `seconds`).
    /// The end-to-end suites run side by side, two of them making demos, so start-up is given time.
    func waitUntilHealthy(seconds: Double = 240) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !process.isRunning { throw E2EError("server exited early: \(log)") }
            if let (status, _) = try? await HTTP.get("\(baseURL)/healthz"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw E2EError("server did not become healthy: \(log)")
    }

    func terminate() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitQuietly()
    }

    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitQuietly()
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// A port below the kernel's ephemeral range (32768 and up, where outgoing connections take
    /// their source ports), checked free by binding it once, and never handed out twice in this
    /// process: two tests starting servers at once could otherwise both find one port free, and
    /// the one whose server then failed to bind would talk to the other's server, which answers
    /// its health check.
    static func freePort() -> Int {
        for _ in 0..<50 {
            let port = Int.random(in: 20_000..<32_768)
            if isFree(port), handedOut.withLock({ $0.insert(port).inserted }) { return port }
        }
        return Int.random(in: 20_000..<32_768)
    }

    private static let handedOut = Mutex<Set<Int>>([])

    private static func isFree(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = testFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder for this test process's data folders and logs, removed when the process exits,
    /// so runs do not leave sealed test data and logs behind in the temporary directory.
    static let testFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ServerProcess.testFolder) }
        return url
    }()
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A minimal HTTP client over URLSession, with no cookie storage.
enum HTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    static func get(_ url: String) async throws -> (Int, String) {
        try await send(URLRequest(url: URL(string: url)!))
    }

    static func post(_ url: String, json: String) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(json.utf8)
        return try await send(request)
    }

    static func post(_ url: String, form: [(String, String)]) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(
            form.map {
                "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }.joined(separator: "&").utf8)
        return try await send(request)
    }

    static func send(_ request: URLRequest) async throws -> (Int, String) {
        let (data, response) = try await session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}

/// Another program (curl, mount, nginx, python3) run to completion: its exit status and its standard
/// output and error, together.
enum Program {
    @discardableResult
    static func run(_ path: String, _ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-program-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = handle
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            ChildInput.send(stdin, to: pipe)
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
        process.waitQuietly()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }
}

/// Polls `condition` every 250 ms for at most `seconds`; whether it came true.
func waitUntil(seconds: Double, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(250))
    }
    return try await condition()
}

extension Data {
    /// Bytes from hex digits, as SQLite's `hex()` prints them; nil for anything else.
    init?(hexDigits text: String) {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(bytes)
    }
}

extension Process {
    /// Waits for the process without spinning a core. Foundation's `waitUntilExit()` on Linux polls
    /// a run loop with no sources, which returns at once: a busy loop for as long as the child runs,
    /// and on two cores the other tests' servers starve.
    func waitQuietly() {
        while isRunning { usleep(10_000) }
        waitUntilExit()
    }
}
