import Foundation
import Hummingbird
import HummingbirdTesting
import Sealing
import Testing
import WebTesting

@testable import Casework
@testable import Members
@testable import SichtbarCore
@testable import Web

/// Logins, passphrase changes and assignment through the routes: the throttle's refusals as
/// answers, the Argon2id count on the metrics listener, the assignment form only for assigners.
@Suite struct LoginHardeningRoutesTests {
    static let passphrase = "Kompass-Rhein-Laterne-42"

    /// Sends `count` requests at once while an attempt for `username` is held in the throttle:
    /// at most 16 may wait for it, the rest are refused at once, whatever the machine's speed.
    /// The held attempt ends (as a success) once those refusals are in.
    static func whileAnAttemptIsHeld<T: Sendable>(
        _ app: MemberTestApp, _ username: String, count: Int,
        _ request: @escaping @Sendable (any TestClientProtocol) async throws -> T
    ) async throws -> [T] {
        let held = try await app.members.throttle.begin(username)
        return try await app.test { client in
            try await withThrowingTaskGroup(of: T.self) { group in
                for _ in 0..<count { group.addTask { try await request(client) } }
                while await app.members.throttle.refusals < count - LoginThrottle.waitingLimit {
                    try await Task.sleep(for: .milliseconds(20))
                }
                await app.members.throttle.finish(held, succeeded: true)
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    @Test func parallelWrongAPILoginsAreRefusedWith429WithoutAHash() async throws {
        let app = try await MemberTestApp()
        let before = app.members.passphraseHashes
        let statuses = try await Self.whileAnAttemptIsHeld(app, "lead.koeln", count: 20) { client in
            let response = try await client.json(
                "/api/v1/sessions", .post, #"{"username": "lead.koeln", "passphrase": "nicht-das-richtige-1"}"#)
            return (response.status, String(buffer: response.body))
        }
        let hashes = app.members.passphraseHashes - before
        #expect(statuses.filter { $0.0 == .unauthorized }.count == hashes, "each hash is one 401")
        let refused = statuses.filter { $0.0 == .tooManyRequests }
        #expect(refused.count >= 20 - LoginThrottle.waitingLimit)
        #expect(refused.count == 20 - hashes, "every other answer is a 429 that cost no hash")
        #expect(refused.allSatisfy { $0.1.contains(#""code":"rate_limited""#) })
    }

    @Test func theLoginPageAnswersAThrottledAttemptWithItsOwnMessage() async throws {
        let app = try await MemberTestApp()
        let answers = try await Self.whileAnAttemptIsHeld(app, "lead.koeln", count: 20) { client in
            let response = try await client.sendLoginForm("lead.koeln", "nicht-das-richtige-1")
            return (response.status, response.text)
        }
        let throttled = answers.filter { $0.0 == .tooManyRequests }
        #expect(!throttled.isEmpty, "\(answers.map(\.0))")
        #expect(
            throttled.allSatisfy { $0.1.contains("too many login attempts") && $0.1.contains("name=\"token\"") },
            "the login form again, with the reason")
        #expect(answers.allSatisfy { $0.0 == .tooManyRequests || $0.0 == .unauthorized })
    }

    @Test func theMetricsListenerCountsHashesAndNamesNoOne() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            _ = try await client.login("lead.koeln", app.leadPassphrase)
            _ = try await client.json("/api/v1/sessions", .post, #"{"username": "niemand.hier", "passphrase": "nicht-das-richtige-1"}"#)
        }
        let metrics = Application(router: buildMetricsRouter(ProcessMetrics(health: FixedHealth(writable: true), members: app.members)))
        try await metrics.test(.router) { client in
            let text = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("sichtbar_passphrase_hashes_total ") })
            #expect(Int(line.split(separator: " ").last ?? "") == app.members.passphraseHashes)
            #expect(app.members.passphraseHashes >= 2)
            #expect(text.contains("sichtbar_login_throttled_total 0"))
            #expect(!text.contains("lead.koeln") && !text.contains("niemand"))
        }
    }

    @Test func aPassphraseChangeThroughTheAPIEndsTheOtherSessionsOnly() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let phone = try await client.login("lead.koeln", app.leadPassphrase)
            let desk = try await client.login("lead.koeln", app.leadPassphrase)
            let wrong = try await client.json(
                "/api/v1/passphrase", .post, token: desk, #"{"current": "falsch-falsch-1", "new": "Tanne-Birke-Spiegel-71"}"#)
            #expect(wrong.status == .unprocessableContent)
            let changed = try await client.json(
                "/api/v1/passphrase", .post, token: desk,
                #"{"current": "\#(app.leadPassphrase)", "new": "Tanne-Birke-Spiegel-71"}"#)
            #expect(changed.status == .noContent)
            #expect(try await client.json("/api/v1/members", .get, token: phone).status == .unauthorized, "the other session ended")
            #expect(try await client.json("/api/v1/members", .get, token: desk).status == .ok, "the changing session goes on")
            let audit = try await client.json("/api/v1/audit?limit=100", .get, token: desk)
            #expect(String(buffer: audit.body).contains("member.passphrase_change_failed"), "the wrong current passphrase is audited")
        }
    }

    @Test func theAssignmentFormIsOfferedOnlyToThoseWhoMayAssign() async throws {
        let app = try await MemberTestApp()
        try await app.addMember("berater.koeln")
        try await app.test { client in
            let caseID = try await CasePagesTests.report(client, app: app, narrative: "Mir wurde der Zutritt zur Diskothek verweigert.")
            let counsellor = try await client.pageSession("berater.koeln", Self.passphrase)
            let page = try await client.page("/cases/\(caseID)?lang=en", cookie: counsellor)
            #expect(page.status == .ok)
            #expect(!page.text.contains("/assignees"), "no assignment form for a counsellor")
            let csrf = try #require(page.token(named: "csrf"))
            let posted = try await client.memberPost(
                "/cases/\(caseID)/assignees?lang=en", [("csrf", csrf), ("role-berater.koeln", "beratung")],
                cookie: counsellor)
            #expect(posted.status == .notFound)
            let token = try await client.login("berater.koeln", Self.passphrase)
            let api = try await client.json(
                "/api/v1/cases/\(caseID)/assignees", .post, token: token,
                #"{"assignees": [{"username": "berater.koeln", "role": "beratung"}]}"#)
            #expect(api.status == .notFound)
            let lead = try await client.pageSession(app.leadName, app.leadPassphrase)
            #expect(try await client.page("/cases/\(caseID)?lang=en", cookie: lead).text.contains("/assignees"))
        }
    }
}
