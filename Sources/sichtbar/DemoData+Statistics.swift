import App
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore
import Statistics
import Workflow

extension DemoData {
    /// Releases the two last closed years (and the last one's quarters) for every demo office,
    /// sends them to the demo Verband, and has its analyst merge and publish them, so
    /// `/statistics` and `/report` show a trend.
    /// Runs on the real clock after the casework is played: the years are over.
    static func releaseAndPublish(
        services: AppServices, today: Day, leads: [Session], analyst: (username: String, passphrase: String)
    ) async throws -> [PublishedStatistics] {
        let session = try await services.members.login(username: analyst.username, passphrase: SecureBytes(utf8: analyst.passphrase))
            .session
        let publisher = services.publisher
        var publications: [PublishedStatistics] = []
        // The last year also quarter by quarter before the year itself, as a Verband publishing
        // quarterly figures does: each publication is protected together with the earlier ones.
        let last = today.year - 1
        let periods = [StatPeriod(year: last - 1)] + (1...4).map { StatPeriod(year: last, quarter: $0) } + [StatPeriod(year: last)]
        for case let period? in periods {
            for lead in leads {
                let (stored, _) = try await services.statistics.releases.release(period, session: lead)
                _ = try await services.statistics.releases.send(id: stored.id, session: lead)
            }
            let received = try await publisher.received(period, session: session)
            let (published, merged) = try await publisher.publish(received, session: session)
            publications.append(published)
            // What protection hid, for whoever runs the demo (docs/disclosure-control.md, "Information loss").
            if let loss = merged.loss {
                let compared = merged.comparedLoss.map { " (\(merged.recoded ? "without recoding" : "recoding, not kept"): \($0))" } ?? ""
                FileHandle.standardError.write(
                    Data("demo statistics \(published.period): \(loss)\(merged.recoded ? " after recoding" : "")\(compared)\n".utf8))
            }
        }
        return publications
    }
}
