import Foundation
import Testing

/// Starts the real binary. `make test` builds it before the tests run.
@Suite(.serialized) struct IntakeEndToEndTests {
    @Test func markersNeverReachTheDiskOrTheLog() async throws {
        let data = try ServerProcess.temporaryFolder()
        let port = ServerProcess.freePort()
        let server = try ServerProcess(
            ["demo", "--data", data.path, "--reports", "3", "--cases", "0", "--port", "\(port)", "--metrics-port", "0"],
            port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy()

        var markers: [String] = []
        var receipts: [String] = []
        for index in 0..<5 {
            let marker = "E2EMARKER\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
            markers.append(marker)
            let (status, body) = try await HTTP.post(
                "\(server.baseURL)/api/v1/reports",
                json: """
                    {"language": "de", "narrative": "\(marker) Vorfall \(index)", "contactWish": "contact", "consent": true, "contact": "\(marker)@example.org"}
                    """)
            #expect(status == 201, "\(body)")
            receipts.append(try #require(HTTP.json(body)["receipt"] as? String))
        }
        // Through the HTML form as a browser would send it.
        let formMarker = "E2EFORM\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        markers.append(formMarker)
        let (_, formPage) = try await HTTP.get("\(server.baseURL)/?lang=de")
        let token = try #require(Self.value(of: "token", in: formPage))
        let (formStatus, receiptPage) = try await HTTP.post(
            "\(server.baseURL)/receipt?lang=de",
            form: [
                ("token", token), ("narrative", "\(formMarker) im Formular"), ("contactWish", "mailbox"), ("consent", "yes"),
                ("grounds", "sprache"),
            ])
        #expect(formStatus == 201)
        // The page keeps each group of four on one line (a span per group): read it as text.
        let receiptText = receiptPage.replacing(/<[^>]+>/, with: "")
        let formReceipt = try #require(receiptText.firstMatch(of: /[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}/))
        receipts.append(String(formReceipt.0))

        // Each report reads back with its narrative.
        for (receipt, marker) in zip(receipts, markers) {
            let (status, body) = try await HTTP.post(
                "\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)", "includeReport": true}"#)
            #expect(status == 200)
            let report = HTTP.json(body)["report"] as? [String: Any]
            #expect((report?["narrative"] as? String)?.hasPrefix(marker) == true)
        }

        try Self.expectNoMarker(markers, under: data, log: server.log, when: "while running")

        // Withdraw one: gone from the mailbox, and answered exactly like an unknown receipt.
        let (withdrawStatus, withdrawBody) = try await HTTP.post(
            "\(server.baseURL)/api/v1/mailbox/withdraw",
            json: #"{"receipt": "\#(receipts[0])"}"#)
        #expect(withdrawStatus == 200)
        #expect(HTTP.json(withdrawBody)["status"] as? String == "geloescht")
        let (goneStatus, goneBody) = try await HTTP.post("\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipts[0])"}"#)
        let (_, unknownBody) = try await HTTP.post("\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"}"#)
        #expect(goneStatus == 404)
        #expect(goneBody == unknownBody)

        server.terminate()
        #expect(server.process.terminationStatus == 0, "graceful shutdown on SIGTERM: \(server.log)")
        try Self.expectNoMarker(markers, under: data, log: server.log, when: "after shutdown")
    }

    @Test func everyAnsweredReportSurvivesSigkill() async throws {
        let data = try ServerProcess.temporaryFolder()
        let port = ServerProcess.freePort()
        let limits = ["--intake-per-address", "0", "--intake-global", "0", "--mailbox-per-address", "0", "--metrics-port", "0"]
        let server = try ServerProcess(
            ["demo", "--data", data.path, "--reports", "0", "--cases", "0", "--port", "\(port)"] + limits, port: port)
        try await server.waitUntilHealthy()

        let answered = Receipts()
        let killer = Task {
            // Kill while sixteen writers are mid-flight.
            let deadline = Date().addingTimeInterval(60)
            while await answered.count < 150, Date() < deadline { try await Task.sleep(for: .milliseconds(10)) }
            server.kill()
        }
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask {
                    for index in 0..<400 {
                        guard
                            let (status, body) = try? await HTTP.post(
                                "\(server.baseURL)/api/v1/reports",
                                json: """
                                    {"language": "de", "narrative": "worker \(worker) report \(index)", "contactWish": "mailbox", "consent": true}
                                    """)
                        else { return }
                        if status == 201, let receipt = HTTP.json(body)["receipt"] as? String {
                            await answered.add(receipt)
                        }
                    }
                }
            }
        }
        try await killer.value
        #expect(server.process.terminationReason == .uncaughtSignal, "the server was killed, not finished")
        let receipts = await answered.all
        #expect(receipts.count >= 150)

        let restarted = try ServerProcess(["serve", "--data", data.path, "--port", "\(port)"] + limits, port: port)
        defer { restarted.terminate() }
        try await restarted.waitUntilHealthy()
        var missing = 0
        for receipt in receipts {
            let (status, _) = try await HTTP.post("\(restarted.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)"}"#)
            if status != 200 { missing += 1 }
        }
        #expect(missing == 0, "\(missing) of \(receipts.count) answered reports were lost")
    }

    /// Consent and the fallback office on the real binary: without consent nothing reaches the
    /// store, by the API or the form; a region no demo office serves goes to the fallback office
    /// (Köln), which the form names beforehand and the receipt afterwards, with the first-response day.
    @Test func consentIsRequiredAndAnUnservedRegionGoesToTheNamedFallback() async throws {
        let data = try ServerProcess.temporaryFolder()
        let port = ServerProcess.freePort()
        let server = try ServerProcess(
            ["demo", "--data", data.path, "--reports", "0", "--cases", "0", "--port", "\(port)", "--metrics-port", "0"],
            port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy()
        let database = data.appendingPathComponent("sichtbar.sqlite")
        let cases = { try CLI.query(database, "SELECT count(*) FROM case_file") }
        #expect(try cases() == "0")

        let (refused, refusal) = try await HTTP.post(
            "\(server.baseURL)/api/v1/reports",
            json: #"{"language": "de", "narrative": "Ohne Einwilligung", "contactWish": "mailbox"}"#)
        #expect(refused == 422)
        #expect(((HTTP.json(refusal)["error"] as? [String: Any])?["field"] as? String) == "consent")
        let (_, form) = try await HTTP.get("\(server.baseURL)/?lang=de")
        #expect(form.contains("geht Ihre Meldung an: Antidiskriminierungsberatung Köln (Demo)."))
        #expect(form.contains("Düsseldorf (keine Beratungsstelle vor Ort)"))
        let token = try #require(Self.value(of: "token", in: form))
        let (formRefused, _) = try await HTTP.post(
            "\(server.baseURL)/receipt?lang=de",
            form: [
                ("token", token), ("narrative", "Ohne Häkchen"), ("contactWish", "mailbox"), ("region", "05111"),
            ])
        #expect(formRefused == 422)
        #expect(try cases() == "0", "nothing is stored without consent")

        let (_, again) = try await HTTP.get("\(server.baseURL)/?lang=de")
        let (created, receiptPage) = try await HTTP.post(
            "\(server.baseURL)/receipt?lang=de",
            form: [
                ("token", try #require(Self.value(of: "token", in: again))), ("narrative", "Beim Amt in Düsseldorf"),
                ("contactWish", "mailbox"), ("region", "05111"), ("consent", "yes"),
            ])
        #expect(created == 201)
        #expect(receiptPage.contains("Ihre Meldung ist bei dieser Stelle angekommen: Antidiskriminierungsberatung Köln (Demo)."))
        #expect(receiptPage.contains("Die Beratungsstelle will sich bis zum "), "the first-response day, in words")
        let (status, body) = try await HTTP.post(
            "\(server.baseURL)/api/v1/reports",
            json: """
                {"language": "de", "narrative": "Im Bus in Düsseldorf", "region": "05111", "contactWish": "mailbox", "consent": true}
                """)
        #expect(status == 201)
        let answer = HTTP.json(body)
        let office = try #require(answer["office"] as? [String: Any])
        #expect(office["name"] as? String == "Antidiskriminierungsberatung Köln (Demo)")
        let firstResponse = try #require(answer["firstResponseBy"] as? String)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "Europe/Berlin")
        // erste_rueckmeldung: 7 days after intake, moved off a weekend or holiday (§ 193 BGB).
        let inAWeek = formatter.string(from: Date().addingTimeInterval(7 * 86_400))
        let latest = formatter.string(from: Date().addingTimeInterval(11 * 86_400))
        #expect(firstResponse >= inAWeek && firstResponse <= latest, "\(firstResponse) from \(inAWeek)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .current
        let weekday = try #require(formatter.date(from: firstResponse).map { calendar.component(.weekday, from: $0) })
        #expect(![1, 7].contains(weekday), "\(firstResponse) is a working day")
        let koeln = try CLI.query(database, "SELECT lower(hex(id)) FROM office WHERE is_fallback = 1")
        #expect(office["id"] as? String == koeln)
        #expect(try CLI.query(database, "SELECT DISTINCT lower(hex(office_id)) FROM case_file") == koeln)
        #expect(try cases() == "2")
    }

    static func expectNoMarker(_ markers: [String], under folder: URL, log: String, when: String) throws {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(files.contains { $0.lastPathComponent == "sichtbar.sqlite" })
        for file in files {
            guard let data = try? Data(contentsOf: file) else { continue }
            for marker in markers {
                #expect(data.range(of: Data(marker.utf8)) == nil, "\(marker) found in \(file.lastPathComponent) \(when)")
            }
        }
        for marker in markers {
            #expect(!log.contains(marker), "\(marker) found in the server log \(when)")
        }
    }

    static func value(of name: String, in page: String) -> String? {
        guard let range = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = page[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

actor Receipts {
    private(set) var all: [String] = []
    var count: Int { all.count }
    func add(_ receipt: String) { all.append(receipt) }
}
