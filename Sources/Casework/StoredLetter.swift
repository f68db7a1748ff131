import SichtbarCore

/// A letter as sealed under the case key: the template it came from and the HTML fragment as
/// rendered on the day, so a later change to the template or the case does not change it.
public struct StoredLetter: Sendable, Equatable, Codable {
    public let template: String
    public let html: String
    /// When it was generated (UTC, seconds).
    public let at: String
    /// The day it was sent; nil for a draft. A sent letter is a record of its own, never changed.
    public var sentOn: Day?

    public init(template: String, html: String, at: String, sentOn: Day? = nil) {
        self.template = template
        self.html = html
        self.at = at
        self.sentOn = sentOn
    }
}
