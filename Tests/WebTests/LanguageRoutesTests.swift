import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import SichtbarCore
import Testing
import WebTesting

@testable import Web

/// Which language a page speaks: `?lang=` first, else `Accept-Language` on a first visit, else
/// German; the choice stays in the URL. Reporter pages offer all ten languages, member pages
/// German and English.
@Suite struct LanguageRoutesTests {
    static let codes = ReportValidator.languages

    @Test func acceptLanguageFollowsQualityThenPrimarySubtag() {
        #expect(AcceptLanguage.choose("tr-TR,tr;q=0.9,en;q=0.8", among: Self.codes) == "tr")
        #expect(AcceptLanguage.choose("en;q=0.4, fa-AF;q=0.9", among: Self.codes) == "fa", "Dari speakers get Farsi")
        #expect(AcceptLanguage.choose("de-x-ls", among: Self.codes) == "de-x-ls")
        #expect(AcceptLanguage.choose("de-AT, de;q=0.8", among: Self.codes) == "de")
        #expect(AcceptLanguage.choose("ja, ko;q=0.5", among: Self.codes) == nil)
        #expect(AcceptLanguage.choose("uk;q=0, ru;q=0.3", among: Self.codes) == "ru", "q=0 means not acceptable")
        #expect(AcceptLanguage.choose("", among: Self.codes) == nil)
        #expect(AcceptLanguage.choose(nil, among: Self.codes) == nil)
    }

    @Test func aFirstVisitFollowsAcceptLanguageAndKeepsTheChoiceInTheURL() async throws {
        try await TestApp().test { client in
            let turkish = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "tr-TR,tr;q=0.9,de;q=0.5"])
            #expect(turkish.text.contains("<html lang=\"tr\" dir=\"ltr\">"))
            #expect(turkish.text.contains("action=\"/receipt?lang=tr\""), "the form keeps the language in the URL")
            #expect(turkish.headers[.setCookie] == nil)
            #expect(turkish.headers[.vary]?.contains("Accept-Language") == true)
            let chosen = try await client.execute(uri: "/?lang=en", method: .get, headers: [.acceptLanguage: "tr"])
            #expect(chosen.text.contains("<html lang=\"en\""), "?lang= wins over the header")
            let unknown = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ja"])
            #expect(unknown.text.contains("<html lang=\"de\""))
        }
    }

    @Test(arguments: ["ar", "fa"])
    func arabicAndFarsiRunRightToLeft(code: String) async throws {
        try await TestApp().test { client in
            for path in ["/", "/receipt", "/mailbox", "/offices"] {
                let page = try await client.execute(uri: "\(path)?lang=\(code)", method: .get).text
                #expect(page.contains("<html lang=\"\(code)\" dir=\"rtl\">"), "\(path)")
            }
        }
    }

    @Test func reporterPagesOfferTenLanguagesByTheirOwnNamesAndMemberPagesTwo() async throws {
        try await TestApp().test { client in
            let form = try await client.execute(uri: "/?lang=de", method: .get).text
            for name in [
                "Deutsch", "Leichte Sprache", "English", "Türkçe", "العربية", "فارسی", "Українська", "Русский", "Polski", "Română",
            ] {
                #expect(form.contains(">\(name)</a>"), "the chooser lacks \(name)")
            }
        }
        try await MemberTestApp().test { client in
            let login = try await client.execute(uri: "/login?lang=tr", method: .get).text
            #expect(login.contains("<html lang=\"de\""), "member pages stay German and English")
            #expect(login.contains(">English</a>") && !login.contains(">Türkçe</a>"))
            let english = try await client.execute(uri: "/login", method: .get, headers: [.acceptLanguage: "tr, en;q=0.8"]).text
            #expect(english.contains("<html lang=\"en\""), "a member page takes the first of German and English the browser accepts")
        }
    }
}

/// Dates on reporter pages are written out in the page's language, in the Gregorian calendar.
@Suite struct WrittenDayTests {
    @Test func aDayIsWrittenInEachLanguage() throws {
        let day = try #require(Day(year: 2026, month: 12, day: 5))
        #expect(WrittenDay.text(day, language: "de") == "5. Dezember 2026")
        #expect(WrittenDay.text(day, language: "de-x-ls") == "5. Dezember 2026")
        #expect(WrittenDay.text(day, language: "en") == "5 December 2026")
        let months = ["tr": "Aralık", "ru": "декабря", "uk": "грудня", "pl": "grudnia", "ro": "decembrie", "ar": "ديسمبر", "fa": "دسامبر"]
        for (language, month) in months {
            let text = WrittenDay.text(day, language: language)
            #expect(text.contains(month), "\(language): \(text)")
            #expect(!text.contains("2026-12-05"))
        }
        #expect(!WrittenDay.text(day, language: "fa").contains("۱۴۰۵"), "a Farsi page keeps the Gregorian year")
    }
}

/// A page route never answers JSON: unknown pages, wrong methods and bodies too large are pages
/// in the visitor's language; the API keeps its JSON.
@Suite struct PageErrorTests {
    @Test func anUnknownPageIsATranslatedPageAndTheAPIStaysJSON() async throws {
        try await TestApp().test { client in
            let page = try await client.execute(uri: "/nirgends?lang=tr", method: .get)
            #expect(page.status == .notFound)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<html lang=\"tr\"") && !page.text.contains("\"error\""))
            #expect(!page.text.contains("member-header"))
            // A member's browser (with its session cookie) gets the member frame, whose footer makes
            // no "no cookies" claim, in German or English.
            let member = try await client.execute(
                uri: "/nirgends?lang=tr", method: .get,
                headers: [.cookie: "\(SessionCookie.name)=abc"])
            #expect(member.status == .notFound && member.text.contains("member-header") && member.text.contains("<html lang=\"de\""))
            let api = try await client.execute(uri: "/api/v1/nirgends", method: .get)
            #expect(api.status == .notFound && api.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func aWrongMethodAndATooLargeFormArePages() async throws {
        try await TestApp().test { client in
            let wrong = try await client.execute(uri: "/offices?lang=ar", method: .delete)
            #expect([.notFound, .methodNotAllowed].contains(wrong.status))
            #expect(wrong.headers[.contentType]?.hasPrefix("text/html") == true && wrong.text.contains("dir=\"rtl\""))
            let huge = String(repeating: "a", count: WebSettings.maxFormBody + 10)
            let tooLarge = try await client.postForm("/receipt?lang=en", [("narrative", huge)], headers: [.secFetchSite: "same-origin"])
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(tooLarge.text.contains("Too much at once"))
        }
    }

    /// The form offers every ground; ticking all of them is a report, not a 413.
    @Test func everyGroundTheFormOffersMayBeTicked() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let form = try await client.execute(uri: "/?lang=en", method: .get)
            let token = try #require(form.token())
            let grounds = form.text.matches(of: /name="grounds" value="([a-z_]+)"/).map { String($0.1) }
            #expect(grounds.count > 12, "the form offers \(grounds.count) grounds")
            let fields =
                [("token", token), ("narrative", "All grounds"), ("contactWish", "mailbox"), ("consent", "yes")]
                + grounds.map { ("grounds", $0) }
            let answer = try await client.postForm("/receipt?lang=en", fields, headers: [.secFetchSite: "same-origin"])
            #expect(answer.status == .created)
        }
        #expect(await app.store.caseCount == 1)
    }
}

/// What the offices page and the form tell a reporter on a phone.
@Suite struct ReporterDetailsTests {
    @Test func aPhoneNumberBecomesATelLink() {
        #expect(ReporterPages.telephoneLink("0221 / 12 34-5") == "tel:022112345")
        #expect(ReporterPages.telephoneLink("+49 (221) 000000") == "tel:+49221000000")
    }

    @Test func eachGroundCarriesItsExampleAndTheLearnedDateSaysWhy() async throws {
        try await TestApp().test { client in
            let form = try await client.execute(uri: "/?lang=de", method: .get).text
            #expect(form.contains("aria-describedby=\"ground-rassistische_zuschreibung-example\""))
            #expect(form.contains("z. B. wegen Hautfarbe, Herkunft, Name"))
            #expect(form.contains("id=\"learnedDate-hint\"") && form.contains("Fristen"))
            #expect(
                form.contains("Beratung Köln (Köln) – Deutsch, Türkçe, العربية – Zuständig für: Köln</option>"),
                "the office picker names its languages in their own names, and its regions")
            let offices = try await client.execute(uri: "/offices?lang=en", method: .get).text
            #expect(offices.contains("href=\"tel:022100000\""))
        }
    }
}
