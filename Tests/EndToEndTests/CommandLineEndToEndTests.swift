import Foundation
import Testing

/// The command line of CONTRACT.md with passphrases on standard input, as scripts use it.
@Suite(.serialized) struct CommandLineEndToEndTests {
    @Test func initOfficeAddProfileAndServe() async throws {
        let data = try ServerProcess.temporaryFolder().appendingPathComponent("data").path
        let passphrase = "Kompass-Laterne-Ufer-77"

        let initialised = try ServerProcess.run(
            ["init", "--data", data, "--office-name", "ADA Köln", "--admin", "lead.koeln", "--json"],
            stdin: passphrase + "\n")
        #expect(initialised.status == 0, "\(initialised.output)")
        let created = HTTP.json(try #require(initialised.output.split(separator: "\n").first.map(String.init)))
        let office = try #require(created["office"] as? String)
        #expect(office.count == 32)
        #expect((created["signingKey"] as? String)?.isEmpty == false)
        #expect((created["recoveryCode"] as? String)?.count == 26 + 6, "26 symbols in groups of four")
        #expect(!initialised.output.contains(passphrase), "the passphrase is never echoed")

        let again = try ServerProcess.run(
            ["init", "--data", data, "--office-name", "Second", "--admin", "someone.else"],
            stdin: passphrase + "\n")
        #expect(again.status == 2, "a second init is refused")

        let weak = try ServerProcess.run(["init", "--data", data + "-weak", "--office-name", "X", "--admin", "lead.x"], stdin: "short\n")
        #expect(weak.status == 2)
        #expect(weak.output.contains("12 characters"))

        let added = try ServerProcess.run(["office", "add", "--data", data, "--name", "ADA Dortmund", "--json"])
        #expect(added.status == 0, "\(added.output)")
        let second = HTTP.json(added.output)
        #expect((second["invitation"] as? String)?.count ?? 0 >= 40)

        let profile = try ServerProcess.run(
            [
                "office", "profile", "--data", data, "--office", office, "--as", "lead.koeln",
                "--city", "Köln", "--regions", "05315,05362", "--law", "kdg",
                "--hours", "Di 10–13 Uhr",
            ], stdin: passphrase + "\n")
        #expect(profile.status == 0, "\(profile.output)")
        #expect(profile.output.contains("not offered this office until its privacy notice names: --controller, --dpo"), "\(profile.output)")
        let notice = try ServerProcess.run(
            [
                "office", "profile", "--data", data, "--office", office, "--as", "lead.koeln",
                "--controller", "Caritasverband (Test), Köln", "--dpo", "datenschutz@example.org",
            ],
            stdin: passphrase + "\n")
        #expect(notice.status == 0, "\(notice.output)")
        #expect(!notice.output.contains("not offered"), "\(notice.output)")
        // The operator names the fallback; Dortmund's notice is empty, so it is told so.
        let dortmund = try #require(second["office"] as? String)
        let fallback = try ServerProcess.run(["office", "fallback", "--data", data, "--office", dortmund])
        #expect(fallback.status == 0, "\(fallback.output)")
        #expect(
            fallback.output.contains("takes no reports until its privacy notice names: --controller, --law, --dpo"), "\(fallback.output)")
        #expect(try ServerProcess.run(["office", "fallback", "--data", data, "--office", String(repeating: "0", count: 32)]).status == 2)
        let wrongPassphrase = try ServerProcess.run(
            [
                "office", "profile", "--data", data, "--office", office, "--as", "lead.koeln",
                "--city", "Bonn",
            ], stdin: "not-the-passphrase-at-all\n")
        #expect(wrongPassphrase.status == 1)
        let badRegion = try ServerProcess.run(
            [
                "office", "profile", "--data", data, "--office", office, "--as", "lead.koeln",
                "--regions", "99999",
            ], stdin: passphrase + "\n")
        #expect(badRegion.status == 2)
        #expect(badRegion.output.contains("99999"))

        let port = ServerProcess.freePort()
        let server = try ServerProcess(["serve", "--data", data, "--port", "\(port)", "--metrics-port", "0"], port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy()
        let (_, body) = try await HTTP.get("\(server.baseURL)/api/v1/offices")
        let offices = try #require(HTTP.json(body)["offices"] as? [[String: Any]])
        // Dortmund's privacy notice lacks its facts: reporters are not offered it.
        #expect(offices.map { $0["name"] as? String } == ["ADA Köln"])
        #expect(offices.first?["city"] as? String == "Köln")
        #expect(offices.first?["hours"] as? String == "Di 10–13 Uhr")
        #expect((offices.first?["dataProtection"] as? [String: Any])?["law"] as? String == "kdg")

        // A report for Köln's region lands with the Köln office; the lookup proves it reads back.
        let (status, created2) = try await HTTP.post(
            "\(server.baseURL)/api/v1/reports",
            json: #"{"language": "de", "narrative": "x", "region": "05362", "contactWish": "mailbox", "consent": true}"#)
        #expect(status == 201)
        #expect(HTTP.json(created2)["receipt"] != nil)
        #expect((HTTP.json(created2)["office"] as? [String: Any])?["name"] as? String == "ADA Köln")
        #expect((HTTP.json(created2)["firstResponseBy"] as? String)?.count == 10, "the first-response day: \(created2)")

        // Core dumps are off for the serving process.
        let limits = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/limits", encoding: .utf8)
        let coreLine = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        #expect(coreLine.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).first == "0")

        // Request log lines carry a request id and never the client's address; reporter routes
        // and health write none (their times would be finer than the day), member routes do.
        #expect(try await HTTP.get("\(server.baseURL)/login").0 == 200)
        let requestLines = server.log.split(separator: "\n").filter { $0.contains("route=") }
        #expect(requestLines.count == 1 && requestLines.first?.contains("route=/login") == true, "\(requestLines)")
        #expect(!server.log.contains("/api/v1/reports") && !server.log.contains("/healthz"), "\(server.log)")
        for line in requestLines {
            #expect(line.contains("hb.request.id="), "\(line)")
            #expect(!line.contains("127.0.0.1"), "a request log line names the client address: \(line)")
        }
    }
}
