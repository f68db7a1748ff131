import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// `/deadlines` as a counsellor uses it: legal deadlines apart from Wiedervorlagen, who is
/// responsible, "Meine", and an overdue deadline marked versäumt from the list itself.
@Suite struct DeadlineRoutesTests {
    static let passphrase = CasePagesTests.passphrase

    @Test func theOverviewSeparatesLegalDeadlinesShowsWhoAndMarksOneMissed() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.addMember("berater.bonn")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Absage wegen meines Alters.")
            let id = try #require(EntityID(hex: caseID))
            let lead = try await app.members.login(username: app.leadName, passphrase: SecureBytes(utf8: app.leadPassphrase)).session
            try await app.casework.assign([("berater.koeln", .beratung), ("berater.bonn", .coBeratung)], to: id, by: lead)
            let cookie = try await client.pageSession("berater.koeln", Self.passphrase)
            let csrf = try #require(try await client.page("/cases/\(caseID)?lang=de", cookie: cookie).token(named: "csrf"))
            func post(_ form: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.memberPost("/cases/\(caseID)/\(form)?lang=de", [("csrf", csrf)] + fields, cookie: cookie)
            }
            #expect(try await post("classification", [("ground", "lebensalter"), ("area", "arbeitssuche")]).status == .seeOther)
            #expect(
                try await post("event", [("event", "ablehnung_zugegangen"), ("on", Day(Date()).adding(days: -70).iso)]).status == .seeOther)
            #expect(
                try await post(
                    "deadline",
                    [
                        ("label", "Rückruf Personalabteilung"), ("due", Day(Date()).adding(days: 2).iso),
                        ("owner", "berater.bonn"),
                    ]
                ).status == .seeOther)

            var page = try await client.page("/deadlines?lang=de", cookie: cookie)
            #expect(page.status == .ok)
            let legal = try #require(page.text.components(separatedBy: #"id="followups-title""#).first)
            #expect(legal.contains("Gesetzliche Fristen") && legal.contains("§ 15 Abs. 4 AGG") && legal.contains("berater.koeln"))
            #expect(!legal.contains("Rückruf Personalabteilung"), "a Wiedervorlage is not among the legal deadlines")
            let followUps = try #require(page.text.components(separatedBy: #"id="followups-title""#).last)
            #expect(followUps.contains("Rückruf Personalabteilung") && followUps.contains("berater.bonn"))
            #expect(page.text.contains("Als versäumt markieren"))

            page = try await client.page("/deadlines?lang=de&mine=1", cookie: cookie)
            #expect(page.text.contains("§ 15 Abs. 4 AGG") && !page.text.contains("Rückruf Personalabteilung"), "mine: only berater.koeln's")
            #expect(page.text.contains(#"aria-current="page">Meine"#))

            // Marked missed from the list: back to the list, with the notice, and gone from it.
            let noReason = try await post("deadline-missed", [("rule", "agg_15_4"), ("reason", ""), ("back", "deadlines")])
            #expect(noReason.status == .unprocessableContent)
            let marked = try await post(
                "deadline-missed", [("rule", "agg_15_4"), ("reason", "Person kam erst nach Fristende"), ("back", "deadlines")])
            #expect(marked.status == .seeOther)
            #expect(marked.headers[.location] == "/deadlines?lang=de&done=deadline_missed")
            page = try await client.page("/deadlines?lang=de&done=deadline_missed", cookie: cookie)
            #expect(page.text.contains("Die Frist ist als versäumt vermerkt."))
            #expect(!page.text.contains("§ 15 Abs. 4 AGG"))
            let casePage = try await client.page("/cases/\(caseID)?lang=de", cookie: cookie)
            #expect(
                casePage.text.contains(#"class="badge versaeumt">versäumt"#) && casePage.text.contains("Person kam erst nach Fristende"))
            #expect(casePage.text.contains("Zuständig: berater.bonn"))
        }
    }
}
