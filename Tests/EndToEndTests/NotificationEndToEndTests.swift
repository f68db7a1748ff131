import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Notifications with real parts: `serve` hands its mail to Debian's msmtp (as /usr/sbin/sendmail),
/// which relays to an SMTP server on 127.0.0.1 (Python's aiosmtpd, writing a Maildir). A report
/// arrives as one mail without content; more reports within the interval make one more mail after
/// it, not one each; with the SMTP server down the hand-over fails, `/healthz` says so, and the
/// mail arrives once the server is back.
@Suite(.serialized) struct NotificationEndToEndTests {
    static let python = ServerProcess.root.appendingPathComponent(".build/mail-venv/bin/python").path

    /// aiosmtpd on `port`, delivering into `maildir`. The caller terminates it.
    static func smtpServer(port: Int, maildir: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// aiosmtpd does not end on SIGTERM: SIGKILL, then wait.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitQuietly()
    }

    static func mails(_ maildir: URL) -> [(text: String, at: Date)] {
        let new = maildir.appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return names.compactMap { name -> (String, Date)? in
            let url = new.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                let date = try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
            else { return nil }
            return (text, date)
        }.sorted { $0.1 < $1.1 }
    }

    @Test func aReportIsToldByOneMailWithoutContentAndAFailedHandOverIsRetried() async throws {
        #expect(
            FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail"), "msmtp-mta provides /usr/sbin/sendmail (.ci/install-deps)")
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "aiosmtpd's venv (.ci/install-deps)")
        let office = try OfficeFixture.create()
        let profile = try CLI.run(
            [
                "office", "profile", "--data", office.data, "--office", office.office, "--as", office.lead,
                "--notify", "beratung@ada-koeln.test",
            ], stdin: office.leadPassphrase + "\n")
        #expect(profile.status == 0, "\(profile.output)")
        let refused = try CLI.run(
            [
                "office", "profile", "--data", office.data, "--office", office.office, "--as", office.lead,
                "--notify", "beratung@ada-koeln.test\r\nBcc: x@y.test",
            ], stdin: office.leadPassphrase + "\n")
        #expect(refused.status == 2, "a header in the address is refused: \(refused.output)")

        let base = office.folder.deletingLastPathComponent()
        let home = base.appendingPathComponent("home")
        let maildir = base.appendingPathComponent("maildir")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let smtpPort = try MemberAPIClient.freePort()
        let config = home.appendingPathComponent(".msmtprc")
        try "defaults\nauth off\ntls off\nsyslog off\naccount default\nhost 127.0.0.1\nport \(smtpPort)\nfrom sichtbar@ada-koeln.test\n"
            .write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
        var smtp = try Self.smtpServer(port: smtpPort, maildir: maildir)
        defer { Self.stop(smtp) }
        try await Task.sleep(for: .seconds(1))

        let server = try await office.serve(
            [
                "--sendmail", "/usr/sbin/sendmail", "--notify-interval", "10", "--notify-from", "sichtbar@ada-koeln.test",
                "--public-url", "https://sichtbar.ada-koeln.test",
            ], environment: ["HOME": home.path])
        defer { server.terminate() }
        let api = MemberAPIClient(server)
        var markers: [String] = []
        func report() async throws {
            let narrative = uniqueNarrative("notify")
            markers.append(narrative)
            try await api.report(narrative)
        }
        // Five reports in a burst: a mailer per report would send five. Whatever the tick, they fall
        // into at most two intervals, and mails are at least one interval apart.
        let burst = (0..<5).map { _ in uniqueNarrative("notify") }
        markers += burst
        try await withThrowingTaskGroup(of: Void.self) { group in
            for narrative in burst { group.addTask { try await api.report(narrative) } }
            try await group.waitForAll()
        }
        #expect(try await waitUntil(seconds: 60) { !Self.mails(maildir).isEmpty }, "a mail for the reports: \(server.log)")
        try await Task.sleep(for: .seconds(25))
        let mails = Self.mails(maildir)
        #expect((1...2).contains(mails.count), "five reports, at most two mails: \(mails.count)")
        for (earlier, later) in zip(mails, mails.dropFirst()) {
            #expect(later.at.timeIntervalSince(earlier.at) >= 9, "at most one mail per interval")
        }
        let told = mails.count
        let caseIDs = try CLI.query(office.database, "SELECT lower(hex(id)) FROM case_file").split(separator: "\n").map(String.init)
        for (text, _) in mails {
            #expect(text.contains("To: <beratung@ada-koeln.test>"))
            #expect(text.contains("wartet etwas") && text.contains("https://sichtbar.ada-koeln.test/login"))
            let body = text.components(separatedBy: "\n\n").dropFirst().joined()
            let hasDigit = body.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
            #expect(!hasDigit, "no count, no reference: \(body)")
            for marker in markers { #expect(!text.contains(String(marker.prefix(20)))) }
            for id in caseIDs { #expect(!text.lowercased().contains(id.prefix(8))) }
        }

        // The SMTP server goes away: the hand-over fails, /healthz says so, and nothing is lost.
        Self.stop(smtp)
        try await Task.sleep(for: .seconds(11))
        try await report()
        let failing = try await waitUntil(seconds: 30) {
            try await HTTP.get("\(server.baseURL)/healthz").1.contains("\"notifications\":\"failing\"")
        }
        #expect(failing, "a failed hand-over shows on /healthz: \(server.log)")
        #expect(!server.log.contains("beratung@ada-koeln.test"), "the log names no address")
        smtp = try Self.smtpServer(port: smtpPort, maildir: maildir)
        #expect(
            try await waitUntil(seconds: 90) { Self.mails(maildir).count == told + 1 }, "retried and delivered once the MTA's peer is back")
        #expect(try await waitUntil(seconds: 10) { !(try await HTTP.get("\(server.baseURL)/healthz").1.contains("failing")) })
    }
}
