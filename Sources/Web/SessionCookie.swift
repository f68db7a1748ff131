import Foundation
import Hummingbird

/// The member session cookie of the web pages. The bearer token of `MemberService.login` is its
/// value, so pages and API share one session registry and one set of lifetimes.
///
/// The `__Host-` prefix makes browsers accept the cookie only with `Secure`, `Path=/` and no
/// `Domain`: no sibling host and no plain-HTTP page on the network can plant or shadow it.
/// `HttpOnly` keeps it from any script, `SameSite=Strict` keeps it off every request another site
/// starts (the first line of CSRF defence; the per-session form field is the second). Without
/// `Max-Age` it ends with the browser; the server's idle and absolute limits end it sooner.
/// Browsers treat `http://127.0.0.1` and `http://localhost` as secure contexts and keep a Secure
/// cookie there, so the same cookie works for a local demo without TLS (the browser tests check it).
enum SessionCookie {
    static let name = "__Host-sichtbar-session"
    private static let attributes = "Path=/; Secure; HttpOnly; SameSite=Strict"

    /// The `Set-Cookie` value that starts a session.
    static func setting(_ token: String) -> String {
        "\(name)=\(token); \(attributes)"
    }

    /// The `Set-Cookie` value that makes the browser drop the cookie at once (logout).
    static let clearing = "\(name)=; Max-Age=0; \(attributes)"

    /// The session token the browser sent, if any. Every `Cookie` field is read (HTTP/2 may split
    /// them); a bearer token is base64url of 32 bytes, so anything much longer is not one.
    static func token(in request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " || $0 == "\t" }
                guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals] == name else { continue }
                let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard !value.isEmpty, value.utf8.count <= 64 else { return nil }
                return value
            }
        }
        return nil
    }
}
