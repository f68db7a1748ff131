import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The header a browser sends on a same-site form post.
public let sameOrigin: HTTPFields = [.fetchSite: "same-origin"]

extension TestClientProtocol {
    public func json(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, _ body: String? = nil) async throws
        -> TestResponse
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Logs in and returns the bearer token.
    public func login(_ username: String, _ passphrase: String) async throws -> String {
        let response = try await json("/api/v1/sessions", .post, #"{"username": "\#(username)", "passphrase": "\#(passphrase)"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        guard response.status == .created, let token = object?["token"] as? String else {
            throw TestFailure("login of \(username) answered \(response.status)")
        }
        return token
    }

    public func postForm(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> TestResponse {
        var allHeaders = headers
        allHeaders[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\(FormEncoding.encode($0.0))=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: allHeaders, body: ByteBuffer(string: body))
    }

    /// Sends the login form as a browser would: fetch it for its token, then post it.
    public func sendLoginForm(_ username: String, _ passphrase: String, lang: String = "en") async throws -> TestResponse {
        let form = try await execute(uri: "/login?lang=\(lang)", method: .get)
        let token = try #require(form.token())
        return try await postForm(
            "/login?lang=\(lang)", [("token", token), ("username", username), ("passphrase", passphrase)],
            headers: sameOrigin)
    }

    /// Logs in through the form; returns the `Cookie` header value of the new session.
    public func pageSession(_ username: String, _ passphrase: String) async throws -> String {
        let response = try await sendLoginForm(username, passphrase)
        #expect(response.status == .seeOther)
        let setCookie = try #require(response.headers[.setCookie])
        return try #require(setCookie.split(separator: ";").first.map(String.init))
    }

    public func page(_ uri: String, cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers)
    }

    public func memberPost(
        _ uri: String, _ fields: [(String, String)], cookie: String?,
        site: String = "same-origin"
    ) async throws -> TestResponse {
        var headers: HTTPFields = [.fetchSite: site]
        if let cookie { headers[.cookie] = cookie }
        return try await postForm(uri, fields, headers: headers)
    }

    /// The CSRF token of the session, read from a member page's logout form.
    public func csrf(cookie: String) async throws -> String {
        try #require(try await page("/account?lang=en", cookie: cookie).token(named: "csrf"))
    }

    /// The one-time token of a fresh members page's invitation form.
    public func inviteToken(cookie: String) async throws -> String {
        try #require(try await page("/members?lang=en", cookie: cookie).token(named: "token"))
    }
}

extension HTTPField.Name {
    /// `Sec-Fetch-Site`, which Web checks on every form post (its own name for it is internal).
    fileprivate static var fetchSite: HTTPField.Name {
        guard let name = HTTPField.Name("Sec-Fetch-Site") else { preconditionFailure("invalid header name") }
        return name
    }
}
