import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WebTesting

@testable import Web

/// Every path answers the methods it takes: HEAD wherever GET works (headers, no body), 405 with
/// `Allow` for any other method on a known path (TRACE included), 404 only for unknown paths.
@Suite struct MethodRoutesTests {
    @Test func headAnswersLikeGetWithoutABody() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            for path in ["/", "/healthz", "/openapi.yaml", "/api/v1/offices", "/login", "/mailbox", "/static/style.css"] {
                let get = try await client.execute(uri: path, method: .get)
                let head = try await client.execute(uri: path, method: .head)
                #expect(get.status == .ok, "\(path)")
                #expect(head.status == get.status, "HEAD \(path)")
                #expect(head.body.readableBytes == 0, "HEAD \(path) has no body")
                #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
            }
        }
    }

    @Test func anUndeclaredMethodOnAKnownPathAnswers405WithAllow() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let cases: [(HTTPRequest.Method, String, String)] = [
                (.delete, "/api/v1/offices", "GET, HEAD"),
                (.put, "/api/v1/reports", "POST"),
                (.trace, "/healthz", "GET, HEAD"),
                (.patch, "/api/v1/cases/0123456789abcdef0123456789abcdef", "GET, HEAD"),
                (.options, "/api/v1/mailbox", "POST"),
            ]
            for (method, path, allow) in cases {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method) \(path)")
                #expect(response.headers[.allow] == allow, "\(method) \(path)")
                let body = String(buffer: response.body)
                #expect(body.contains("\"code\":\"bad_request\""), "the contract's error body: \(body)")
            }
        }
    }

    @Test func aPageAsked405GetsTheNoticePageInItsLanguage() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            let response = try await client.execute(uri: "/mailbox?lang=de", method: .put)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, HEAD, POST")
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(String(buffer: response.body).contains("Das geht hier nicht"), "the German notice")
            let trace = try await client.execute(uri: "/cases", method: .trace)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET, HEAD")
        }
    }

    @Test func unknownPathsAndHandlerNotFoundsStay404() async throws {
        let app = try await MemberTestApp()
        try await app.test { client in
            #expect(try await client.execute(uri: "/no-such-page", method: .trace).status == .notFound)
            #expect(try await client.execute(uri: "/api/v1/nothing", method: .get).status == .notFound)
            // The method is allowed; the case does not exist: the handler's 404, unchanged.
            let cookie = try await client.pageSession(app.leadName, app.leadPassphrase)
            let missing = try await client.page("/cases/0123456789abcdef0123456789abcdef", cookie: cookie)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.allow] == nil)
        }
    }

    @Test func theTableMatchesHummingbirdsPatterns() {
        let table = RouteTable()
        table.record("/cases/:id", .get)
        table.record("/cases/:id/:form", .post)
        table.record("/static/**", .get)
        table.record("/cases/{id}/print", .get)
        #expect(table.methods(at: "/cases/abc") == [.get, .head])
        #expect(table.methods(at: "/cases/abc/notes") == [.post])
        #expect(table.methods(at: "/cases/abc/print") == [.get, .head], "the constant segment wins, as in the router")
        table.record("/cases/tally", .post)
        #expect(table.methods(at: "/cases/tally") == [.post], "not the GET of /cases/:id")
        #expect(table.methods(at: "/static/a/b.css") == [.get, .head])
        #expect(table.methods(at: "/cases").isEmpty)
        #expect(table.methods(at: "/cases/abc/print/x").isEmpty)
    }
}
