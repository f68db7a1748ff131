import Foundation

/// An e-mail address a notification may go to. Strict on purpose: the address is passed to the
/// mail transfer agent and written into a header, so anything beyond a plain `local@domain`
/// (spaces, line breaks, commas, angle brackets, quotes) is refused rather than escaped.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.utf8.count <= 254, let at = trimmed.lastIndex(of: "@") else { return nil }
        let local = trimmed[..<at]
        let domain = trimmed[trimmed.index(after: at)...]
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(localAllowed.contains), !local.hasPrefix("-"),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
            domain.contains("."), domain.allSatisfy(domainAllowed.contains), !domain.hasPrefix("."), !domain.hasSuffix("."),
            !domain.hasPrefix("-"), !domain.contains("..")
        else { return nil }
        value = trimmed
    }

    public var description: String { value }
}
