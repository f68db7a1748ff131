import Foundation

/// The information loss of an analyst's publication, for the page the publishing form
/// redirects to: kept in this process's memory under a random token for ten minutes and shown
/// only to the analyst who published, so the figures never travel in a URL, a browser history
/// or an access log (the share of cases hidden is a sum no published table prints).
actor PublicationNotices {
    private struct Entry {
        let username: String
        let loss: PublicationLoss
        let expires: Date
    }

    static let lifetime: TimeInterval = 600
    /// Enough for every analyst of a Verband; the oldest go first.
    static let capacity = 64

    private var entries: [String: Entry] = [:]

    /// Keeps `loss` for `username` and returns the token the redirect carries.
    func keep(_ loss: PublicationLoss, for username: String, now: Date = Date()) -> String {
        entries = entries.filter { $0.value.expires > now }
        while entries.count >= Self.capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires })?.key {
            entries[oldest] = nil
        }
        let token = UUID().uuidString
        entries[token] = Entry(username: username, loss: loss, expires: now.addingTimeInterval(Self.lifetime))
        return token
    }

    /// The loss kept under `token` for this analyst, nil when unknown, expired or someone else's.
    func loss(_ token: String, for username: String, now: Date = Date()) -> PublicationLoss? {
        guard let entry = entries[token], entry.expires > now, entry.username == username else { return nil }
        return entry.loss
    }
}
