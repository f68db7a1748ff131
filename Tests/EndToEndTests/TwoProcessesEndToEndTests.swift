import Foundation
import PostgresTesting
import Testing

/// Two `serve` processes on one PostgreSQL behind the shipped two-process nginx configuration:
/// intake from many addresses spreads over both, an address's reports are capped as one, a form's
/// one-time token is checked by the process that issued it, and a member's session stays with the
/// process holding its keys even when the member's address changes.
@Suite(.serialized, .enabled(if: PostgresTestServer.isInPlay)) struct TwoProcessesEndToEndTests {
    @Test func intakeSpreadsWhileLimitsFormsAndSessionsHold() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx"), "Debian's nginx (.ci/install-deps)")
        let (database, drop) = try await StoreEngineEndToEndTests.scratchURL()
        defer { drop() }
        let office = try OfficeFixture.create(database: database)
        let limits = ["--trusted-proxy", "127.0.0.1", "--intake-per-address", "3", "--intake-global", "0"]
        let first = try await office.serve(limits)
        defer { first.terminate() }
        let second = try await office.serve(limits + ["--no-background-jobs"])
        defer { second.terminate() }

        let site = try String(
            contentsOf: ServerProcess.root.appendingPathComponent("deploy/nginx/sichtbar-two-processes.conf"), encoding: .utf8)
        let prefix = office.folder.deletingLastPathComponent().appendingPathComponent("nginx")
        let nginx = try NginxProcess(prefix: prefix) { certificate, key, https, http in
            NginxProcess.localSite(
                site, prefix: prefix, certificate: certificate, key: key, https: https, http: http,
                metrics: try MemberAPIClient.freePort(),
                upstreams: [("127.0.0.1:8080", "127.0.0.1:\(first.port)"), ("127.0.0.1:8082", "127.0.0.1:\(second.port)")])
        }
        defer { nginx.stop() }
        var up = false
        for _ in 0..<50 where !up {
            up = (try NginxProcess.curl("\(nginx.url)/healthz", from: "127.0.0.1").code == 200)
            if !up { try await Task.sleep(for: .milliseconds(200)) }
        }
        try #require(up, "nginx serves both processes")

        // Intake from 24 addresses, three reports each: all taken, spread over both processes
        // (each spends a share of the sealing work), and a fourth from an address refused.
        let cpuBefore = (Self.cpuSeconds(first), Self.cpuSeconds(second))
        let report = #"{"language": "de", "narrative": "Über zwei Prozesse gemeldet.", "contactWish": "mailbox", "consent": true}"#
        var taken = 0
        let addresses = (10..<34).map { "127.0.0.\($0)" }
        for address in addresses {
            for _ in 0..<3 where try NginxProcess.curl("\(nginx.url)/api/v1/reports", from: address, json: report).code == 201 {
                taken += 1
            }
        }
        #expect(taken == 72)
        let cpu = (Self.cpuSeconds(first) - cpuBefore.0, Self.cpuSeconds(second) - cpuBefore.1)
        print("two processes: intake CPU \(String(format: "%.2f", cpu.0)) s and \(String(format: "%.2f", cpu.1)) s")
        #expect(min(cpu.0, cpu.1) >= 0.15 * (cpu.0 + cpu.1), "intake spreads over both: \(cpu)")
        for address in addresses.prefix(6) {
            #expect(try NginxProcess.curl("\(nginx.url)/api/v1/reports", from: address, json: report).code == 429, "\(address)")
        }

        // The report form: the token the form carried is good once, at the process that issued it.
        let form = try NginxProcess.curl("\(nginx.url)/?lang=de", from: "127.0.0.50")
        let token = try #require(IntakeEndToEndTests.value(of: "token", in: form.body))
        let fields = [("token", token), ("narrative", "Über das Formular"), ("contactWish", "mailbox"), ("consent", "yes")]
        #expect(try NginxProcess.curl("\(nginx.url)/receipt?lang=de", from: "127.0.0.50", form: fields).code == 201)
        #expect(try NginxProcess.curl("\(nginx.url)/receipt?lang=de", from: "127.0.0.50", form: fields).code != 201, "used once")

        // A member logs in, then moves between 16 addresses: pinned, every page answers.
        let jar = prefix.appendingPathComponent("cookies.txt").path
        let login = try NginxProcess.curl("\(nginx.url)/login", from: "127.0.0.60", jar: jar)
        let loginToken = try #require(IntakeEndToEndTests.value(of: "token", in: login.body))
        let loggedIn = try NginxProcess.curl(
            "\(nginx.url)/login", from: "127.0.0.60", jar: jar,
            form: [("token", loginToken), ("username", office.lead), ("passphrase", office.leadPassphrase)])
        #expect(loggedIn.code == 303, "\(loggedIn.body)")
        let cookies = try String(contentsOfFile: jar, encoding: .utf8)
        #expect(cookies.contains("sichtbar_node"), "nginx pinned the session")
        let moves = (70..<86).map { "127.0.0.\($0)" }
        var answered = 0
        for address in moves where try NginxProcess.curl("\(nginx.url)/account", from: address, jar: jar).code == 200 { answered += 1 }
        #expect(answered == moves.count, "pinned by the cookie wherever the member is")
        // Without the pin the same session is found only where the address happens to lead.
        let unpinned = prefix.appendingPathComponent("unpinned.txt").path
        try cookies.split(separator: "\n").filter { !$0.contains("sichtbar_node") }.joined(separator: "\n")
            .write(toFile: unpinned, atomically: true, encoding: .utf8)
        var lost = 0
        for address in moves where try NginxProcess.curl("\(nginx.url)/account", from: address, jar: unpinned).code != 200 { lost += 1 }
        #expect(lost > 0, "without the pin some addresses reach the process that lacks the session")
        // Reporters get no cookie of any kind.
        let reporterJar = prefix.appendingPathComponent("reporter.txt").path
        _ = try NginxProcess.curl("\(nginx.url)/?lang=de", from: "127.0.0.90", jar: reporterJar)
        let reporterCookies = (try? String(contentsOfFile: reporterJar, encoding: .utf8)) ?? ""
        #expect(!reporterCookies.contains("sichtbar"), "\(reporterCookies)")
    }

    /// User and system CPU seconds the process has used (`/proc/PID/stat`, clock ticks of 1/100 s).
    static func cpuSeconds(_ server: ServerProcess) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(server.process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / 100
    }
}
