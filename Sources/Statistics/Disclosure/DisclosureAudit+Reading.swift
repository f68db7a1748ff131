/// Reading printed tables the way a reader would.
extension DisclosureAudit {
    func read(_ release: LinkedRelease) -> Result<PublishedCounts, AuditReadError> {
        var published = PublishedCounts(
            known: Array(repeating: nil, count: release.count),
            hiddenAt: Array(repeating: nil, count: release.count), findings: [])
        for quantity in 0..<release.count {
            var shownAt: CountPlace?
            for place in release.places[quantity] {
                let cell = release.cell(at: place)
                if let value = cell.count {
                    guard (0...LinkedRelease.largestCount).contains(value) else {
                        return .failure(
                            AuditReadError(
                                reason: "\(reference(place, in: release)) prints \(value), outside 0…\(LinkedRelease.largestCount)"))
                    }
                    if let earlier = published.known[quantity], earlier != value {
                        return .failure(
                            AuditReadError(reason: "\(reference(place, in: release)) prints \(value), another table \(earlier)"))
                    }
                    published.known[quantity] = value
                    shownAt = shownAt ?? place
                }
                if cell.suppressed || cell.count == nil { published.hiddenAt[quantity] = published.hiddenAt[quantity] ?? place }
            }
            let key = release.quantities[quantity]
            if let hidden = published.hiddenAt[quantity], let shown = shownAt {
                published.findings.append(
                    AuditFinding(
                        kind: .readableElsewhere, quantity: key, reference: reference(hidden, in: release), interval: nil,
                        reason: hidden == shown
                            ? "marked suppressed, yet its count is printed"
                            : "suppressed here but printed at \(reference(shown, in: release))"))
            }
            if let value = published.known[quantity], let shown = shownAt, rules.isTooSmall(value) {
                published.findings.append(
                    AuditFinding(
                        kind: .tooSmall, quantity: key, reference: reference(shown, in: release), interval: nil,
                        reason: "prints \(value), below the minimum of \(rules.minimumCount)"))
            }
        }
        return .success(published)
    }
}
