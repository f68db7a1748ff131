import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import SichtbarCore
import Synchronization
import Testing
import WebTesting

@testable import Web

/// A store health that counts how often it was asked.
final class CountingHealth: StoreHealth {
    let writable: Bool
    private let count = Mutex(0)
    init(writable: Bool) { self.writable = writable }
    var probes: Int { count.withLock { $0 } }
    func isWritable() async -> Bool {
        count.withLock { $0 += 1 }
        return writable
    }
}

/// A store whose probe answers once, then hangs (a stuck disk) until cancelled.
final class HangingHealth: StoreHealth {
    private let calls = Mutex(0)
    func isWritable() async -> Bool {
        let first = calls.withLock { calls -> Bool in
            calls += 1
            return calls == 1
        }
        if !first { try? await Task.sleep(for: .seconds(10)) }
        return true
    }
}

/// Issue 13, item 6: what a reporter's requests leave behind (log lines, store writes) and what
/// the size and origin of an answer give away.
@Suite struct ReporterAnonymityTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    @Test func reporterRoutesAndHealthWriteNoLogLine() async throws {
        let app = try await TestApp()
        let capture = LogCapture()
        try await Application(router: buildRouter(app.services), logger: capture.logger()).test(.router) { client in
            let created = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            #expect(created.status == .created)
            let receipt = try #require(try created.json()["receipt"] as? String)
            for (uri, method) in [
                ("/", HTTPRequest.Method.get), ("/mailbox", .get), ("/offices", .get), ("/receipt", .get),
                ("/static/style.css", .get), ("/healthz", .get), ("/openapi.yaml", .get), ("/api/v1/offices", .get),
                ("/no/such/page", .get),
            ] {
                #expect(try await client.execute(uri: uri, method: method).status.code < 500, "\(uri)")
            }
            _ = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "\#(receipt)"}"#)
            _ = try await client.postJSON("/api/v1/mailbox/messages", #"{"receipt": "\#(receipt)", "text": "t"}"#)
            _ = try await client.postJSON("/api/v1/mailbox", #"{"receipt": "nonsense"}"#)
            _ = try await client.postJSON("/api/v1/reports", "{broken")
            _ = try await client.postForm("/mailbox", [("token", "x"), ("receipt", receipt)])
            _ = try await client.postForm("/receipt", [("token", "x"), ("narrative", "n")])
            _ = try await client.postJSON("/api/v1/mailbox/withdraw", #"{"receipt": "\#(receipt)"}"#)
        }
        #expect(capture.all.isEmpty, "\(capture.all)")
    }

    @Test func memberRoutesAreStillLogged() async throws {
        let app = try await MemberTestApp()
        let capture = LogCapture()
        try await Application(router: buildRouter(app.services), logger: capture.logger()).test(.router) { client in
            _ = try await client.execute(uri: "/login", method: .get)
        }
        #expect(capture.all.contains { $0.contains("/login") }, "\(capture.all)")
        #expect(RequestLogMiddleware.logs(route: "/api/v1/cases"))
        #expect(!RequestLogMiddleware.logs(route: "/api/v1/mailbox/"))
        #expect(!RequestLogMiddleware.logs(route: nil) && !RequestLogMiddleware.logs(route: "NotFound"))
    }

    @Test func healthAsksTheStoreOnceHoweverOftenItIsCalled() async throws {
        let base = try await TestApp()
        for writable in [true, false] {
            let health = CountingHealth(writable: writable)
            // A long interval, so a slow machine does not make the fifty calls span two intervals.
            let services = base.services.replacing(
                health: health, probe: HealthProbe(store: health, interval: .seconds(600), staleAfter: .seconds(1200)))
            try await Application(router: buildRouter(services)).test(.router) { client in
                for _ in 0..<50 {
                    let response = try await client.execute(uri: "/healthz", method: .get)
                    #expect(response.status == (writable ? .ok : .serviceUnavailable))
                }
            }
            #expect(health.probes == 1, "fifty calls within the probe interval probe the store once")
        }
    }

    @Test func theProbeRefreshesAtMostOncePerIntervalAndAStaleAnswerIsUnhealthy() async throws {
        let health = CountingHealth(writable: true)
        let probe = HealthProbe(store: health, interval: .milliseconds(100), staleAfter: .milliseconds(300))
        #expect(await probe.isWritable())
        for _ in 0..<20 { await probe.refresh() }
        #expect(health.probes == 1)
        try await Task.sleep(for: .milliseconds(120))
        await probe.refresh()
        #expect(health.probes == 2)
        try await Task.sleep(for: .milliseconds(400))
        #expect(await probe.isWritable(), "an old answer and no probe running: the call probes again")
        #expect(health.probes == 3)
    }

    @Test func aHangingProbeIsNotWaitedForAndTurnsUnhealthy() async throws {
        let probe = HealthProbe(store: HangingHealth(), interval: .milliseconds(50), staleAfter: .milliseconds(200))
        #expect(await probe.isWritable())
        try await Task.sleep(for: .milliseconds(60))
        let hung = Task { await probe.refresh() }
        defer { hung.cancel() }
        try await Task.sleep(for: .milliseconds(250))
        let start = ContinuousClock.now
        #expect(await probe.isWritable() == false, "the last answer is too old and the probe hangs: not healthy")
        #expect(ContinuousClock.now - start < .seconds(2), "the call did not wait for the hanging probe")
    }

    @Test func jsonRoutesRefuseOtherMediaTypes() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let body = ByteBuffer(string: #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            for headers: HTTPFields in [
                [:], [.contentType: "text/plain"], [.contentType: "application/x-www-form-urlencoded"],
                [.contentType: "application/jsonx"],
            ] {
                let refused = try await client.execute(uri: "/api/v1/reports", method: .post, headers: headers, body: body)
                #expect(refused.status == .unsupportedMediaType, "\(headers)")
                #expect(try refused.errorField("code") == "unsupported_media_type")
            }
            let mailbox = try await client.execute(
                uri: "/api/v1/mailbox", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: #"{"receipt": "nonsense"}"#))
            #expect(mailbox.status == .unsupportedMediaType)
            #expect(mailbox.body.readableBytes % ResponsePadding.block == 0, "mailbox refusals are padded too")
            #expect(await app.store.caseCount == 0)
            let accepted = try await client.execute(
                uri: "/api/v1/reports", method: .post,
                headers: [.contentType: "Application/JSON; charset=utf-8"], body: body)
            #expect(accepted.status == .created)
        }
    }

    @Test func jsonRoutesRefuseRequestsFromOtherSites() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let body = ByteBuffer(string: #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            for site in ["cross-site", "same-site"] {
                var headers = Self.json
                headers[.secFetchSite] = site
                let refused = try await client.execute(uri: "/api/v1/reports", method: .post, headers: headers, body: body)
                #expect(refused.status == .forbidden, "\(site)")
                #expect(try refused.errorField("code") == "cross_site")
                let mailbox = try await client.execute(
                    uri: "/api/v1/mailbox/withdraw", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"receipt": "nonsense"}"#))
                #expect(mailbox.status == .forbidden)
                #expect(mailbox.body.readableBytes % ResponsePadding.block == 0)
            }
            #expect(await app.store.caseCount == 0, "nothing stored from another site")
            for site in ["same-origin", "none"] {
                var headers = Self.json
                headers[.secFetchSite] = site
                #expect(try await client.execute(uri: "/api/v1/reports", method: .post, headers: headers, body: body).status == .created)
            }
        }
    }

    @Test func mailboxPagesArePaddedToWholeBlocks() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let form = try await client.execute(uri: "/mailbox?lang=en", method: .get)
            let opened = try await client.postForm("/mailbox?lang=en", [("token", try #require(form.token())), ("receipt", receipt)])
            #expect(opened.status == .ok)
            let unknownForm = try await client.execute(uri: "/mailbox?lang=en", method: .get)
            let unknown = try await client.postForm(
                "/mailbox?lang=en",
                [
                    ("token", try #require(unknownForm.token())),
                    ("receipt", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
                ])
            #expect(unknown.status == .notFound)
            let invalid = try await client.postForm("/mailbox?lang=en", [("token", "x"), ("receipt", receipt)])
            for page in [form, opened, unknown, invalid] {
                #expect(page.body.readableBytes % ResponsePadding.block == 0, "\(page.status): \(page.body.readableBytes) bytes")
                #expect(page.text.trimmingCharacters(in: .whitespaces).hasSuffix("</html>\n") || page.text.contains("</html>"))
            }
        }
    }

    @Test(arguments: ["de", "en"])
    func theTwoWithdrawPagesHaveTheSameSize(language: String) async throws {
        let app = try await TestApp()
        try await app.test { client in
            var receipts: [String] = []
            for _ in 0..<2 {
                let created = try await client.postJSON(
                    "/api/v1/reports", #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
                receipts.append(try #require(try created.json()["receipt"] as? String))
                if receipts.count == 1 {
                    let caseID = try #require(await app.store.allRecords().first?.caseID)
                    await app.store.markTouched(caseID)
                }
            }
            var answers: [TestResponse] = []
            for receipt in receipts {
                let form = try await client.execute(uri: "/mailbox?lang=\(language)", method: .get)
                let opened = try await client.postForm(
                    "/mailbox?lang=\(language)", [("token", try #require(form.token())), ("receipt", receipt)])
                let token = try #require(ReporterPagesTests.token(in: opened.text, after: "/mailbox/withdraw"))
                answers.append(
                    try await client.postForm(
                        "/mailbox/withdraw?lang=\(language)",
                        [("token", token), ("receipt", receipt), ("confirm", "yes")]))
            }
            #expect(answers.map(\.status) == [.ok, .ok])
            #expect(answers[0].text != answers[1].text, "one was a deletion request, the other a deletion")
            #expect(answers[0].body.readableBytes == answers[1].body.readableBytes)
        }
    }

    @Test func aMailboxFormTokenOpensTheMailboxOnce() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let created = try await client.postJSON(
                "/api/v1/reports", #"{"language": "de", "narrative": "n", "contactWish": "mailbox", "consent": true}"#)
            let receipt = try #require(try created.json()["receipt"] as? String)
            let token = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token())
            let first = try await client.postForm("/mailbox?lang=en", [("token", token), ("receipt", receipt)])
            #expect(first.status == .ok)
            for _ in 0..<2 {
                let again = try await client.postForm("/mailbox?lang=en", [("token", token), ("receipt", receipt)])
                #expect(again.status == .conflict)
                #expect(!again.text.contains(receipt))
            }
            let next = try #require(try await client.execute(uri: "/mailbox?lang=en", method: .get).token(), "a fresh form")
            #expect(try await client.postForm("/mailbox?lang=en", [("token", next), ("receipt", receipt)]).status == .ok)
        }
    }
}
