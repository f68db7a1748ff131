import Foundation
import Testing

/// `sichtbar demo` as a newcomer starts it: both offices with a lead and two counsellors who can
/// log in, two years of casework in every step and kind, deadlines overdue and due soon, and
/// audit chains that verify.
@Suite(.serialized) struct DemoEndToEndTests {
    static let steps = [
        "eingegangen", "erstkontakt", "sachverhaltsklaerung", "auftragsklaerung", "intervention", "abschluss", "nachbereitung",
        "weitervermittelt", "kein_kontakt", "zurueckgezogen", "loeschung_beantragt",
    ]

    @Test func theDemoHasCaseworkInEveryStepAndKindWithDeadlinesAndIntactChains() async throws {
        let data = try ServerProcess.temporaryFolder()
        let port = try MemberAPIClient.freePort()
        let started = Date()
        let server = try ServerProcess(["demo", "--json", "--data", data.path, "--port", "\(port)", "--metrics-port", "0"], port: port)
        defer { server.terminate() }
        try await server.waitUntilHealthy(seconds: 300)
        print("demo with its casework served after \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        let summary = try #require(server.log.split(separator: "\n").first { $0.hasPrefix("{") }.map { HTTP.json(String($0)) })
        let offices = try #require(summary["offices"] as? [[String: Any]])
        #expect(offices.count == 2)
        #expect((summary["cases"] as? Int ?? 0) >= 250)
        let api = MemberAPIClient(server)

        var kinds = Set<String>()
        var states = Set<String>()
        var rules = Set<String>()
        var worked: [[String: Any]] = []
        for office in offices {
            let members = try #require(office["members"] as? [[String: String]])
            #expect(members.compactMap { $0["role"] }.sorted() == ["counsellor", "counsellor", "lead"], "\(office["name"] ?? "")")
            var leadToken = ""
            for member in members {
                let token = try await api.token(member["username"] ?? "", member["passphrase"] ?? "")
                if member["role"] == "lead" { leadToken = token }
            }
            let cases = try await Self.allCases(api, token: leadToken)
            #expect(
                Set(Self.steps).subtracting(cases.compactMap { $0["step"] as? String }).isEmpty,
                "every step in \(office["name"] ?? ""): missing \(Set(Self.steps).subtracting(cases.compactMap { $0["step"] as? String }))")
            kinds.formUnion(cases.compactMap { $0["kind"] as? String })
            for deadline in cases.flatMap({ $0["deadlines"] as? [[String: Any]] ?? [] }) {
                states.insert(deadline["state"] as? String ?? "")
                rules.insert(deadline["rule"] as? String ?? "")
            }
            #expect(cases.contains { ($0["assignees"] as? [Any])?.count == 2 }, "co-counselling")
            let (status, overdue) = try await api.call("GET", "/cases?due=overdue", token: leadToken)
            #expect(status == 200 && !(HTTP.json(overdue)["cases"] as? [Any] ?? []).isEmpty, "overdue deadlines in \(office["name"] ?? "")")
            worked += try await Self.open(
                api, token: leadToken,
                ids: cases.filter { ["nachbereitung", "abschluss"].contains($0["step"] as? String) }
                    .compactMap { $0["id"] as? String })
        }
        Self.expectCounselling(in: worked)
        #expect(kinds == ["meldung", "beratungsfall", "organisationsberatung"])
        #expect(states.isSuperset(of: ["ueberfaellig", "bald_faellig", "offen", "erledigt"]), "\(states)")
        #expect(rules.isSuperset(of: ["erste_rueckmeldung", "manuell", "dsgvo_12_3"]), "\(rules)")
        #expect(!rules.isDisjoint(with: ["agg_15_4", "agg_21_5", "vwgo_74", "sgg_84", "stgb_77b"]), "\(rules)")

        // A receipt the demo printed opens a mailbox with the office's replies.
        let receipt = try #require((summary["receipts"] as? [String])?.first)
        let (mailboxStatus, mailbox) = try await HTTP.post("\(server.baseURL)/api/v1/mailbox", json: #"{"receipt": "\#(receipt)"}"#)
        #expect(mailboxStatus == 200)
        #expect((HTTP.json(mailbox)["messages"] as? [[String: Any]] ?? []).contains { $0["from"] as? String == "office" })

        server.terminate()
        let verified = try CLI.run(["audit", "verify", "--data", data.path])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.stdout.components(separatedBy: ": intact, ").count - 1 == 3, "two offices and the Verband: \(verified.output)")
    }

    /// Every case the member sees, page by page.
    static func allCases(_ api: MemberAPIClient, token: String) async throws -> [[String: Any]] {
        var cases: [[String: Any]] = []
        var after: String?
        repeat {
            let query = after.map { "?after=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0)" } ?? ""
            let (status, body) = try await api.call("GET", "/cases\(query)", token: token)
            guard status == 200 else { throw E2EError("case list answered \(status): \(body)") }
            let page = HTTP.json(body)
            cases += page["cases"] as? [[String: Any]] ?? []
            after = page["next"] as? String
        } while after != nil && cases.count < 5_000
        return cases
    }

    static func open(_ api: MemberAPIClient, token: String, ids: [String]) async throws -> [[String: Any]] {
        var opened: [[String: Any]] = []
        for id in ids {
            let (status, body) = try await api.call("GET", "/cases/\(id)", token: token)
            #expect(status == 200)
            opened.append(HTTP.json(body))
        }
        return opened
    }

    /// Closed cases carry what counselling leaves: classification, contacts (some with sign
    /// language interpreting), notes, a Vollmacht naming the counterpart, interventions, messages.
    static func expectCounselling(in opened: [[String: Any]]) {
        #expect(!opened.isEmpty)
        #expect(opened.contains { ($0["classification"] as? [String: Any])?["counsellor"] != nil })
        #expect(opened.contains { !($0["contacts"] as? [Any] ?? []).isEmpty })
        #expect(opened.contains { !($0["notes"] as? [Any] ?? []).isEmpty })
        #expect(
            opened.contains {
                ($0["documents"] as? [[String: Any]] ?? []).contains { $0["type"] as? String == "vollmacht" && $0["counterpart"] != nil }
            })
        #expect(opened.contains { ($0["contacts"] as? [[String: Any]] ?? []).contains { $0["interpreting"] as? String == "dgs" } })
        #expect(opened.contains { !($0["interventions"] as? [Any] ?? []).isEmpty })
        #expect(opened.contains { ($0["messages"] as? [[String: Any]] ?? []).contains { $0["from"] as? String == "reporter" } })
    }
}
