import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import SichtbarCore
import Statistics
import Testing
import WebTesting

@testable import Web

/// A lead's releases through the router: the API and the `/releases` pages.
@Suite struct ReleaseRoutesTests {
    static let passphrase = "Kompass-Rhein-Laterne-42"

    func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aLeadComputesPreviewsAndSendsOnlyClosedPeriodsAndOthersSeeNothing() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.createVerband(analyst: "analyse", passphrase: Self.passphrase)
        try await app.test { client in
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let counsellor = try await client.login("berater.koeln", Self.passphrase)
            let analyst = try await client.login("analyse", Self.passphrase)
            let lastYear = String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
            let thisYear = String(Calendar(identifier: .gregorian).component(.year, from: Date()))

            let open = try await client.json("/api/v1/releases", .post, token: lead, #"{"period": "\#(thisYear)"}"#)
            #expect(open.status == .unprocessableContent && open.text.contains(#""field":"period""#), "the current year is not over")
            let malformed = try await client.json("/api/v1/releases", .post, token: lead, #"{"period": "\#(lastYear)-06"}"#)
            #expect(malformed.status == .unprocessableContent && malformed.text.contains(#""field":"period""#))
            for token in [counsellor, analyst] {
                #expect(try await client.json("/api/v1/releases", .post, token: token, #"{"period": "\#(lastYear)"}"#).status == .notFound)
                #expect(try await client.json("/api/v1/releases", .get, token: token).status == .notFound)
            }
            #expect(try await client.json("/api/v1/releases", .get).status == .unauthorized)

            let computed = try await client.json("/api/v1/releases", .post, token: lead, #"{"period": "\#(lastYear)"}"#)
            #expect(computed.status == .ok)
            let release = try object(computed)
            let id = try #require(release["id"] as? String)
            let file = try #require(release["file"] as? [String: Any])
            #expect(file["scope"] as? String == "office" && file["period"] as? String == lastYear)
            #expect((file["signature"] as? [String: Any])?["alg"] as? String == "ed25519")
            let again = try object(try await client.json("/api/v1/releases", .post, token: lead, #"{"period": "\#(lastYear)"}"#))
            #expect(again["id"] as? String == id, "asked again, the frozen release")

            #expect(try await client.json("/api/v1/releases/\(id)/send", .post, token: counsellor).status == .notFound)
            #expect(try await client.json("/api/v1/releases/\(id)", .get, token: counsellor).status == .notFound)
            let sent = try await client.json("/api/v1/releases/\(id)/send", .post, token: lead)
            #expect(sent.status == .ok)
            let envelope = try #require(try object(sent)["envelope"] as? [String: Any])
            #expect(envelope["format"] as? String == ReleaseEnvelope.currentFormat && envelope["period"] as? String == lastYear)
            let list = try object(try await client.json("/api/v1/releases", .get, token: lead))
            let listed = try #require((list["releases"] as? [[String: Any]])?.first)
            #expect(listed["id"] as? String == id && listed["sentAt"] is String && listed["file"] == nil)
            let sealedCopy = try #require(try await app.stores.releases.sentReleases().first?.verbandCopy)
            #expect(!String(decoding: sealedCopy, as: UTF8.self).contains("ueberblick"), "what the store keeps for the Verband is sealed")
        }
    }

    @Test func theReleasesPagesComputeShowTheTablesAndSendWithTheFormToken() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.createVerband(analyst: "analyse", passphrase: Self.passphrase)
        try await app.test { client in
            let lastYear = String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let list = try await client.page("/releases?lang=en", cookie: cookie)
            #expect(list.status == .ok && list.text.contains("No release has been computed yet.") && !list.text.contains("<table"))
            #expect(list.text.contains(#"value="\#(lastYear)""#), "a fresh form suggests the last closed year")
            let csrf = try #require(list.token(named: "csrf"))
            let bad = try await client.memberPost("/releases?lang=en", [("csrf", csrf), ("period", "letztes Jahr")], cookie: cookie)
            #expect(bad.status == .unprocessableContent && bad.text.contains(#"aria-invalid="true""#))
            let foreign = try await client.memberPost(
                "/releases?lang=en", [("csrf", csrf), ("period", lastYear)], cookie: cookie, site: "cross-site")
            #expect(foreign.status == .forbidden)
            #expect(try await app.stores.releases.releases(officeID: app.office.id).isEmpty, "nothing frozen by a refused form")

            // No classified case in the year: a warning first, nothing frozen until confirmed.
            let warned = try await client.memberPost("/releases?lang=en", [("csrf", csrf), ("period", lastYear)], cookie: cookie)
            #expect(warned.status == .ok && warned.text.contains("has no classified case"))
            #expect(!bad.text.contains(#"value="\#(lastYear)""#) && bad.text.contains(#"value="letztes Jahr""#), "a typed period stays")
            #expect(try await app.stores.releases.releases(officeID: app.office.id).isEmpty, "nothing frozen before the confirmation")
            let made = try await client.memberPost(
                "/releases?lang=en", [("csrf", csrf), ("period", lastYear), ("confirm", "yes")], cookie: cookie)
            #expect(made.status == .seeOther)
            let location = try #require(made.headers[.location])
            let preview = try await client.page(location, cookie: cookie)
            #expect(
                preview.status == .ok && preview.text.contains("Overview: cases by kind") && preview.text.contains("Send to the Verband"))
            #expect(
                preview.text.contains("new cases in the period") && !preview.text.contains("<code>neue_faelle</code>"), "units as words")
            let path = String(location.prefix { $0 != "?" })
            #expect(preview.text.contains("\(lastYear)</h1>") && preview.text.contains("<dd><time datetime=\""), "period and time shown")
            #expect(preview.text.contains(#"action="\#(path)/send"#), "the send form posts to this release")
            let oneNumber = try #require(preview.text.components(separatedBy: "Contacts without a case file</h2>").dropFirst().first)
            #expect(
                oneNumber.prefix(300).contains("Total: <strong>0</strong>"), "a one-number table shows its number: \(oneNumber.prefix(300))"
            )
            let sendAt = try #require(preview.text.range(of: "Send to the Verband")?.lowerBound)
            let lastTable = try #require(preview.text.range(of: "class=\"stat-table\"", options: .backwards)?.lowerBound)
            #expect(sendAt > lastTable, "the send button comes after the tables")
            let unconfirmed = try await client.memberPost("\(path)/send?lang=en", [("csrf", csrf)], cookie: cookie)
            #expect(unconfirmed.headers[.location]?.contains("done=release_confirm_missing") == true)
            #expect(
                try await app.stores.releases.releases(officeID: app.office.id).first?.sentAt == nil, "not sent without the confirmation")
            let send = try await client.memberPost("\(path)/send?lang=en", [("csrf", csrf), ("confirm", "yes")], cookie: cookie)
            #expect(send.status == .seeOther && send.headers[.location]?.contains("done=release_sent") == true)
            let after = try await client.page(send.headers[.location] ?? "", cookie: cookie)
            #expect(after.text.contains("sealed to the Verband") && !after.text.contains("Send to the Verband"))
            let listed = try await client.page("/releases?lang=en", cookie: cookie)
            #expect(listed.text.contains(">\(lastYear)</a>") && listed.text.contains(">sent <time"), "the list shows the sent release")

            // A quarter names the tables the policy keeps to the year.
            let quarter = try await client.memberPost(
                "/releases?lang=en", [("csrf", csrf), ("period", "\(lastYear)-Q4"), ("confirm", "yes")],
                cookie: cookie)
            let quarterPage = try await client.page(try #require(quarter.headers[.location]), cookie: cookie)
            #expect(quarterPage.text.contains("Only in the year, not in a quarter"))
            #expect(!preview.text.contains("Only in the year"), "a year has every table")

            let counsellor = try await client.pageSession("berater.koeln", Self.passphrase)
            #expect(try await client.page("/releases?lang=en", cookie: counsellor).status == .notFound)
            #expect(try await client.page(location, cookie: counsellor).status == .notFound)
            #expect(
                !(try await client.page("/cases?lang=en", cookie: counsellor).text.contains(#"href="/releases"#)), "no link for counsellors"
            )
        }
    }
}

/// The analysts' page of received releases: a period's releases merged, protected, signed, published.
@Suite struct ReceivedPagesTests {
    @Test func anAnalystPublishesTheReceivedReleasesOfAPeriodAndNobodyElseMay() async throws {
        let app = try await MemberTestApp()
        try await app.createVerband(analyst: "analyse", passphrase: ReleaseRoutesTests.passphrase)
        try await app.test { client in
            let lastYear = String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
            let lead = try await client.login(app.leadName, app.leadPassphrase)
            let id =
                try #require(
                    try JSONSerialization.jsonObject(
                        with: Data(
                            buffer: try await client.json(
                                "/api/v1/releases", .post, token: lead, #"{"period": "\#(lastYear)"}"#
                            ).body)) as? [String: Any])["id"] as? String
            let cookie = try await client.pageSession("analyse", ReleaseRoutesTests.passphrase)
            let empty = try await client.page("/statistics/received?lang=en", cookie: cookie)
            #expect(empty.status == .ok && empty.text.contains("No office has sent a release yet."))
            #expect(try await client.json("/api/v1/releases/\(try #require(id))/send", .post, token: lead).status == .ok)

            let page = try await client.page("/statistics/received?lang=en", cookie: cookie)
            #expect(page.text.contains("Merge and publish \(lastYear)") && page.text.contains("not yet"), "\(page.text)")
            let csrf = try #require(page.token(named: "csrf"))
            let none = try await client.memberPost(
                "/statistics/received?lang=en", [("csrf", csrf), ("period", "\(lastYear)-Q1")], cookie: cookie)
            #expect(none.status == .unprocessableContent && none.text.contains("No office has sent a release for this period."))
            let foreign = try await client.memberPost(
                "/statistics/received?lang=en", [("csrf", csrf), ("period", lastYear)], cookie: cookie,
                site: "cross-site")
            #expect(foreign.status == .forbidden)
            #expect(try await app.stores.publications.published(period: lastYear) == nil, "nothing published by a refused form")

            // A second member office has not released the year: publishing asks first, naming it.
            _ = try await app.stores.setup.createOffice(
                name: "Beratung Süd", profile: OfficeProfile(city: "Bonn", regions: ["05314"]),
                keys: try OfficeKeys.generate())
            let listed = try await client.page("/statistics/received?lang=en", cookie: cookie)
            #expect(listed.text.contains("1 of 2 offices") && listed.text.contains("Missing: Beratung Süd"))
            let asked = try await client.memberPost("/statistics/received?lang=en", [("csrf", csrf), ("period", lastYear)], cookie: cookie)
            #expect(
                asked.status == .ok && asked.text.contains("Missing: Beratung Süd")
                    && asked.text.contains("Publish without these offices anyway"))
            #expect(try await app.stores.publications.published(period: lastYear) == nil, "nothing published before the confirmation")
            let published = try await client.memberPost(
                "/statistics/received?lang=en", [("csrf", csrf), ("period", lastYear), ("confirm", "yes")],
                cookie: cookie)
            #expect(published.status == .seeOther && published.headers[.location]?.contains("done=published") == true)
            // The analyst's next page reports what protection hid; the figures stay on the
            // server (a token in the URL, no number), for this analyst only.
            let location = try #require(published.headers[.location])
            let token = try #require(location.components(separatedBy: "&notice=").last)
            #expect(location.contains("&notice=") && !location.contains("%"), "\(location)")
            let reported = try await client.page(location, cookie: cookie)
            #expect(reported.text.contains("of the printed counts and") && reported.text.contains("of the counted cases are hidden"))
            let forged = try await client.page("/statistics/received?lang=en&done=published&notice=\(UUID().uuidString)", cookie: cookie)
            #expect(
                forged.text.contains("were merged, protected, signed and published") && !forged.text.contains("are hidden"),
                "an unknown token shows no figures")
            #expect(!token.isEmpty)
            let stored = try #require(try await app.stores.publications.published(period: lastYear))
            #expect(stored.releaseCount == 1)
            let (file, verdict) = StatFile.open(stored.file, key: app.signer.publicKey)
            #expect(verdict.isValid && file?.scope == .verband)
            let overview = try await client.page("/statistics?lang=en&period=\(lastYear)", cookie: cookie)
            #expect(overview.status == .ok && overview.text.contains("/statistics/received"))
            #expect(
                overview.text.contains("<span class=\"tagline\">The Verband") && !overview.text.contains("For counsellors"),
                "the Verband's header")
            #expect(overview.text.contains("Offices that took part: \(app.office.name)"), "the published page names who took part")
            #expect(!overview.text.contains("Offices that took part: Beratung Süd") && overview.text.contains("Published by"))
            // Every published table downloads as CSV with a BOM, and its detached signature verifies over exactly those bytes.
            let csvURL = "/statistics/csv?lang=en&period=\(lastYear)&table=ueberblick"
            #expect(overview.text.contains(csvURL.replacingOccurrences(of: "&", with: "&amp;")))
            let csv = try await client.page(csvURL, cookie: cookie)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM")
            let signature = try await client.page(csvURL + "&sig=1", cookie: cookie)
            #expect(
                StatSignature.verifyDetached(bytes, signatureFile: Array(signature.body.readableBytesView), key: app.signer.publicKey)
                    .isValid)
            #expect(try await client.page("/statistics/csv?lang=en&period=\(lastYear)&table=nope", cookie: cookie).status == .notFound)

            let leadCookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            #expect(try await client.page("/statistics/received?lang=en", cookie: leadCookie).status == .notFound)
            let leadPage = try await client.page("/releases?lang=en", cookie: leadCookie)
            let leadCSRF = try #require(leadPage.token(named: "csrf"))
            #expect(
                try await client.memberPost(
                    "/statistics/received?lang=en", [("csrf", leadCSRF), ("period", lastYear)],
                    cookie: leadCookie
                ).status == .notFound)
        }
    }
}
