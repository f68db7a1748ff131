import Foundation
import HummingbirdTesting
import NIOCore

extension TestResponse {
    public var text: String { String(buffer: body) }

    public func json() throws -> [String: Any] {
        (try JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    public func errorField(_ key: String) throws -> String? {
        ((try json())["error"] as? [String: Any])?[key] as? String
    }

    /// The hidden form token of a rendered form.
    public func token(named name: String = "token") -> String? {
        guard let range = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = text[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// The text of the first element with `id`, for the one-time invitation token.
    public func element(id: String) -> String? {
        guard let start = text.range(of: "id=\"\(id)\">") else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "<").map { String(rest[..<$0]) }
    }
}
