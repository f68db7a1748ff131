import Foundation
import Testing

/// Retention on the real binary, its clock moved by libfaketime: a deletion request, a classified
/// Meldung, an unclassified one and a closed Beratungsfall each shredded on their day and not the
/// day before, their receipts then answering as unknown, no sealed byte left in the database or
/// its log, the audit chain intact, and the year's release still verifying and still the same.
@Suite(.serialized) struct RetentionEndToEndTests {
    static let analystPassphrase = "Tafel-Regen-Bruecke-42"

    /// `YYYY-MM-DD` of a Berlin calendar day `months` months and `days` days after today
    /// (Foundation clamps 31 January + 1 month to February's last day, as § 188 (3) BGB does).
    static func berlinDay(months: Int = 0, days: Int = 0, from start: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let today = calendar.startOfDay(for: start).addingTimeInterval(12 * 3600)
        let moved = calendar.date(byAdding: .month, value: months, to: today) ?? today
        let shifted = calendar.date(byAdding: .day, value: days, to: moved) ?? moved
        let parts = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func dayBefore(_ iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        let date = formatter.date(from: "\(iso)T12:00:00Z") ?? Date()
        return String(formatter.string(from: date.addingTimeInterval(-86_400)).prefix(10))
    }

    @Test func eachKindIsShreddedOnItsDayAndNothingOfItRemains() async throws {
        let office = try OfficeFixture.create()
        let verband = try CLI.run(
            ["verband", "init", "--data", office.data, "--name", "Verband NRW", "--analyst", "ana.lyse", "--json"],
            stdin: Self.analystPassphrase + "\n")
        #expect(verband.status == 0, "\(verband.output)")
        let fingerprint = try #require(verband.json["fingerprint"] as? String)
        let confirmed = try CLI.run(
            [
                "office", "confirm-verband-key", "--data", office.data, "--office", office.office, "--as", office.lead,
                "--fingerprint", fingerprint,
            ], stdin: office.leadPassphrase + "\n")
        #expect(confirmed.status == 0, "\(confirmed.output)")

        let server = try await office.serve()
        let api = MemberAPIClient(server)
        var receipts: [String: String] = [:]
        var narratives: [String: String] = [:]
        for kind in ["deletion_request", "report", "unclassified", "closed_case"] {
            narratives[kind] = uniqueNarrative("retention-\(kind)")
            receipts[kind] = try await api.report(narratives[kind] ?? "")
        }
        let token = try await api.token(office.lead, office.leadPassphrase)
        var cases: [String: String] = [:]
        for id in try await api.caseIDs(token: token) {
            let narrative = try await api.narrative(of: id, token: token)
            if let kind = narratives.first(where: { $0.value == narrative })?.key { cases[kind] = id }
        }
        #expect(cases.count == 4)
        func send(_ kind: String, _ path: String, _ body: [String: Any]) async throws -> Int {
            try await api.call(path == "/classification" ? "PUT" : "POST", "/cases/\(cases[kind] ?? "")\(path)", token: token, body: body)
                .status
        }
        #expect(try await send("report", "/classification", ["codes": ["ground": ["antisemitismus"], "area": ["wohnen"]]]) == 204)
        #expect(try await send("closed_case", "/classification", ["codes": ["ground": ["lebensalter"], "area": ["arbeit"]]]) == 204)
        #expect(try await send("closed_case", "/transitions", ["from": "eingegangen", "to": "sachverhaltsklaerung"]) == 200)
        #expect(
            try await send(
                "closed_case", "/transitions",
                [
                    "from": "sachverhaltsklaerung", "to": "abschluss", "outcome": "information",
                    "reason": "Auskunft zur Rechtslage gegeben",
                ]) == 200)
        #expect(
            try await send(
                "deletion_request", "/transitions",
                [
                    "from": "eingegangen", "to": "loeschung_beantragt",
                    "requester": "gespraech", "confirmed": true,
                ]) == 200)
        // Every sealed byte of the four cases, to look for after the shredding.
        let sealed = try CLI.query(
            office.database,
            """
            SELECT hex(ciphertext) FROM record UNION ALL SELECT hex(sealed_keys) FROM case_file UNION ALL SELECT hex(wrapped_key) FROM mailbox
            """
        ).split(separator: "\n").map(String.init)
        #expect(sealed.count >= 12)

        // The year is released (in January, once it is over) before anything goes.
        let year = Int(Self.berlinDay().prefix(4)) ?? 0
        let release = office.folder.deletingLastPathComponent().appendingPathComponent("release-\(year).json")
        func releaseYear() throws -> CommandResult {
            try CLI.run(
                [
                    "stats", "release", "--data", office.data, "--office", office.office, "--period", "\(year)", "--as", office.lead,
                    "--out", release.path,
                ], stdin: office.leadPassphrase + "\n", fakeTime: "\(year + 1)-01-02 12:00:00")
        }
        let released = try releaseYear()
        #expect(released.status == 0, "\(released.output)")
        let frozen = try CLI.query(office.database, "SELECT hex(sealed) FROM stat_release")
        #expect(!frozen.isEmpty)

        func run(on day: String, dryRun: Bool = false) throws -> [String: Any] {
            let result = try CLI.run(
                ["retention", "run", "--data", office.data, "--json"] + (dryRun ? ["--dry-run"] : []),
                fakeTime: "\(day) 12:00:00")
            #expect(result.status == 0, "\(result.output)")
            let json = result.json
            #expect(json["day"] as? String == day, "the binary ran on \(day): \(result.output)")
            return json
        }
        func counts(_ json: [String: Any], _ key: String) -> [String: Int] { json[key] as? [String: Int] ?? [:] }
        let zero = ["report": 0, "closed_case": 0, "unclassified": 0, "deletion_request": 0]
        let schedule: [(String, String)] = [
            ("deletion_request", Self.berlinDay(months: 1)),
            ("report", Self.berlinDay(months: 3)),
            ("unclassified", Self.berlinDay(months: 12)),
            ("closed_case", "\(year + 4)-01-01"),
        ]
        for (kind, day) in schedule {
            let before = try run(on: Self.dayBefore(day))
            #expect(counts(before, "shredded").filter { $0.key != "facets" } == zero, "nothing goes the day before \(day)")
            let dry = try run(on: day, dryRun: true)
            #expect(counts(dry, "due")[kind] == 1 && counts(dry, "shredded").values.allSatisfy { $0 == 0 }, "\(kind) on \(day): \(dry)")
            let done = try run(on: day)
            var expected = zero
            expected[kind] = 1
            #expect(counts(done, "shredded").filter { $0.key != "facets" } == expected, "\(kind) on \(day): \(done)")
            if kind == "report" || kind == "closed_case" {
                #expect(counts(done, "shredded")["facets"] == 1, "its classification in the released year goes with it: \(done)")
            }
            let (status, body) = try await api.call("POST", "/mailbox", body: ["receipt": receipts[kind] ?? ""])
            #expect(status == 404 && errorCode(body) == "receipt_unknown", "\(kind): the receipt answers like an unknown one")
        }
        #expect(try office.caseCount() == 0)
        server.terminate()

        // Nothing sealed is left in the database file or its log.
        var files = Data()
        for name in ["sichtbar.sqlite", "sichtbar.sqlite-wal"] {
            files += (try? Data(contentsOf: office.folder.appendingPathComponent(name))) ?? Data()
        }
        for hex in sealed {
            let bytes = try #require(Data(hexDigits: hex))
            let middle = bytes.count / 2
            #expect(
                files.range(of: bytes.subdata(in: (middle - 12)..<(middle + 12))) == nil,
                "a sealed sequence of \(bytes.count) bytes remains")
        }
        let verify = try CLI.run(["audit", "verify", "--data", office.data])
        #expect(verify.status == 0, "\(verify.output)")
        #expect(
            try CLI.query(office.database, "SELECT count(*) FROM audit_event WHERE actor = 'system' AND action LIKE 'retention.%'") == "6")
        // The year's release was frozen before: it stays as it was, opens for the Verband, and its merge verifies.
        #expect(try CLI.query(office.database, "SELECT hex(sealed) FROM stat_release") == frozen)
        let again = try releaseYear()
        #expect(again.status == 0, "\(again.output)")
        #expect(try CLI.query(office.database, "SELECT hex(sealed) FROM stat_release") == frozen, "asked again, the same frozen release")
        let merged = office.folder.deletingLastPathComponent().appendingPathComponent("merged-\(year).json")
        let merge = try CLI.run(
            ["stats", "merge", release.path, "--data", office.data, "--as", "ana.lyse", "--out", merged.path],
            stdin: Self.analystPassphrase + "\n", fakeTime: "\(year + 1)-01-03 12:00:00")
        #expect(merge.status == 0, "\(merge.output)")
        let verified = try CLI.run(["stats", "verify", merged.path, "--key", office.signingKey])
        #expect(verified.status == 0, "\(verified.output)")
    }
}
