import Foundation
import Testing

/// Statistics end to end, on the real binary. The demo's cases come in through intake and are
/// worked and classified through casework over two years and more; both offices release a closed
/// quarter with `stats release`, the Verband merges them with `stats merge`; the published file
/// verifies under the server key, a changed one is refused, and no published count lies in 1…4.
@Suite(.serialized) struct StatisticsEndToEndTests {
    /// The last quarter that is over, as `2026-Q3`.
    static func lastClosedQuarter(_ now: Date = Date()) -> String {
        let calendar = Calendar(identifier: .gregorian)
        let year = calendar.component(.year, from: now)
        let quarter = (calendar.component(.month, from: now) - 1) / 3 + 1
        return quarter == 1 ? "\(year - 1)-Q4" : "\(year)-Q\(quarter - 1)"
    }

    /// Every `count` anywhere in a JSON value, with whether it sits beside `suppressed: true`.
    static func counts(in value: Any) -> [(count: Int?, suppressed: Bool)] {
        if let object = value as? [String: Any] {
            var found: [(Int?, Bool)] = []
            if object.keys.contains("count") && object.keys.contains("key") {
                found.append((object["count"] as? Int, object["suppressed"] as? Bool ?? false))
            }
            for (_, child) in object { found += counts(in: child) }
            return found
        }
        if let array = value as? [Any] { return array.flatMap { counts(in: $0) } }
        return []
    }

    static func expectNoSmallCount(_ json: Any, _ what: String) {
        let all = counts(in: json)
        #expect(!all.isEmpty, "\(what) has counts")
        #expect(all.allSatisfy { $0.count.map { !(1...4).contains($0) } ?? true }, "\(what): a published count in 1…4")
        #expect(all.allSatisfy { $0.count != nil || $0.suppressed }, "\(what): a missing count is marked suppressed")
    }

    @Test func twoOfficesReleaseTheVerbandMergesAndAChangedFileIsRefused() async throws {
        let data = try ServerProcess.temporaryFolder()
        let port = try MemberAPIClient.freePort()
        // 300 cases, half the default: enough for every table, lighter beside the other suites' servers.
        var server = try ServerProcess(
            ["demo", "--json", "--data", data.path, "--cases", "300", "--port", "\(port)", "--metrics-port", "0"],
            port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy(seconds: 300)
        let summary = try #require(server.log.split(separator: "\n").first { $0.hasPrefix("{") }.map { HTTP.json(String($0)) })
        let signingKey = try #require(summary["signingKey"] as? String)
        let offices = try #require(summary["offices"] as? [[String: Any]])
        let analyst = try #require(((summary["verband"] as? [String: Any])?["members"] as? [[String: String]])?.first)
        let analystName = try #require(analyst["username"])
        let analystPassphrase = try #require(analyst["passphrase"])
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(
            summary["published"] as? [String] == ["\(year - 2)"] + (1...4).map { "\(year - 1)-Q\($0)" } + ["\(year - 1)"],
            "the demo publishes two years, the last one after its four quarters, each against what came before")

        // The demo's publication, as the analyst's API serves it; a lead gets nothing.
        let api = MemberAPIClient(server)
        let analystToken = try await api.token(analystName, analystPassphrase)
        let (status, body) = try await api.call("GET", "/statistics?period=\(year - 1)", token: analystToken)
        #expect(status == 200, "\(body)")
        Self.expectNoSmallCount(HTTP.json(body), "the demo's publication of \(year - 1)")
        let leads = try offices.map { office -> (id: String, username: String, passphrase: String) in
            let lead = try #require((office["members"] as? [[String: String]])?.first { $0["role"] == "lead" })
            return (try #require(office["id"] as? String), lead["username"] ?? "", lead["passphrase"] ?? "")
        }
        let leadToken = try await api.token(leads[0].username, leads[0].passphrase)
        #expect(try await api.call("GET", "/statistics?period=\(year - 1)", token: leadToken).status == 404)
        let (_, releases) = try await api.call("GET", "/releases", token: leadToken)
        let listed = HTTP.json(releases)["releases"] as? [[String: Any]] ?? []
        #expect(listed.count == 6 && listed.allSatisfy { $0["sentAt"] is String }, "\(releases)")
        server.terminate()

        // Both offices release the last closed quarter on the command line; the Verband merges.
        let quarter = Self.lastClosedQuarter()
        let work = try ServerProcess.temporaryFolder()
        var envelopes: [String] = []
        for lead in leads {
            let out = work.appendingPathComponent("\(lead.id).json").path
            let released = try CLI.run(
                [
                    "stats", "release", "--data", data.path, "--office", lead.id, "--period", quarter, "--as", lead.username,
                    "--out", out,
                ], stdin: lead.passphrase + "\n")
            #expect(released.status == 0, "\(released.output)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains("sichtbar-release/1") && !text.contains("ueberblick"), "the release is sealed")
            envelopes.append(out)
        }
        let merged = work.appendingPathComponent("published.json").path
        let merge = try CLI.run(
            ["stats", "merge"] + envelopes + ["--data", data.path, "--as", analystName, "--out", merged],
            stdin: analystPassphrase + "\n")
        #expect(merge.status == 0, "\(merge.output)")
        let publishedText = try String(contentsOfFile: merged, encoding: .utf8)
        let published = HTTP.json(publishedText)
        #expect(published["scope"] as? String == "verband" && published["period"] as? String == quarter)
        #expect((published["tables"] as? [Any])?.isEmpty == false)
        Self.expectNoSmallCount(published, "the merged \(quarter)")

        // The signature verifies; a changed count, another key and a changed envelope are refused.
        let verified = try CLI.run(["stats", "verify", merged, "--key", signingKey])
        #expect(verified.status == 0, "\(verified.output)")
        let tamperedPath = work.appendingPathComponent("tampered.json").path
        let tampered = try #require(
            publishedText.range(of: #""count":0"#).map { publishedText.replacingCharacters(in: $0, with: #""count":7"#) })
        try tampered.write(toFile: tamperedPath, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["stats", "verify", tamperedPath, "--key", signingKey])
        #expect(refused.status == 1 && refused.output.contains("changed after signing"), "\(refused.output)")
        let otherKey = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(try CLI.run(["stats", "verify", merged, "--key", otherKey]).status == 1)

        var envelope = try String(contentsOfFile: envelopes[0], encoding: .utf8)
        let sealedStart = try #require(envelope.range(of: #""sealed":""#)).upperBound
        let flipped = envelope.index(sealedStart, offsetBy: 60)
        envelope.replaceSubrange(flipped...flipped, with: envelope[flipped] == "A" ? "B" : "A")
        let brokenPath = work.appendingPathComponent("broken.json").path
        try envelope.write(toFile: brokenPath, atomically: true, encoding: .utf8)
        let brokenMerge = try CLI.run(
            [
                "stats", "merge", brokenPath, envelopes[1], "--data", data.path, "--as", analystName,
                "--out", work.appendingPathComponent("no.json").path,
            ], stdin: analystPassphrase + "\n")
        #expect(brokenMerge.status == 1 && brokenMerge.output.contains("file 1"), "\(brokenMerge.output)")
        let twice = try CLI.run(
            [
                "stats", "merge", envelopes[0], envelopes[0], "--data", data.path, "--as", analystName,
                "--out", work.appendingPathComponent("no.json").path,
            ], stdin: analystPassphrase + "\n")
        #expect(twice.status == 1, "the same office twice: \(twice.output)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("no.json").path), "nothing written when refused")

        // The publication the merge made is what the analyst's API serves now; the chains verify.
        let port2 = try MemberAPIClient.freePort()
        server = try ServerProcess(
            ["serve", "--data", data.path, "--host", "127.0.0.1", "--port", "\(port2)", "--metrics-port", "0"], port: port2)
        try await server.waitUntilHealthy()
        let again = MemberAPIClient(server)
        let token = try await again.token(analystName, analystPassphrase)
        let (quarterStatus, quarterBody) = try await again.call("GET", "/statistics?period=\(quarter)", token: token)
        #expect(quarterStatus == 200, "\(quarterBody)")
        Self.expectNoSmallCount(HTTP.json(quarterBody), "the served \(quarter)")
        server.terminate()
        let chains = try CLI.run(["audit", "verify", "--data", data.path])
        #expect(chains.status == 0, "\(chains.output)")
        let actions = try CLI.query(data.appendingPathComponent("sichtbar.sqlite"), "SELECT group_concat(action, ' ') FROM audit_event")
        #expect(actions.contains("release.sent") && actions.contains("statistics.published"))
    }
}
