/// The arithmetic checks: feasible intervals and whole-group cells.
extension DisclosureAudit {
    func report(_ tables: [StatTable], stopAtFirst: Bool) -> AuditReport {
        let release: LinkedRelease
        do { release = try LinkedRelease(tables, hierarchies: hierarchies) } catch { return .unreadable(error.description) }
        let published: PublishedCounts
        switch read(release) {
        case .failure(let error): return .unreadable(error.reason)
        case .success(let counts): published = counts
        }
        var findings = published.findings
        if stopAtFirst, !findings.isEmpty { return .findings(findings) }
        var system = ReleaseSystem(release: release, known: published.known)
        guard !system.isContradictory else { return .unreadable(Self.contradiction) }
        do {
            try checkIntervals(published, &system, into: &findings, stopAtFirst: stopAtFirst)
            if stopAtFirst, !findings.isEmpty { return .findings(findings) }
            try checkUnpublished(&system, into: &findings, stopAtFirst: stopAtFirst)
            if stopAtFirst, !findings.isEmpty { return .findings(findings) }
            try checkRecoded(published, &system, into: &findings, stopAtFirst: stopAtFirst)
            if stopAtFirst, !findings.isEmpty { return .findings(findings) }
            if rules.groupAttribute { try checkGroups(published, &system, into: &findings, stopAtFirst: stopAtFirst) }
        } catch {
            return .unreadable(Self.contradiction)
        }
        return .findings(findings)
    }

    private static let contradiction = "the published counts contradict each other: no table of non-negative counts fits them"

    /// Each suppressed count (not readable elsewhere) needs integer points `protectionWidth` apart.
    /// Throws only when the system has no solution at all.
    private func checkIntervals(
        _ published: PublishedCounts, _ system: inout ReleaseSystem,
        into findings: inout [AuditFinding], stopAtFirst: Bool
    ) throws(AuditFailure) {
        let release = system.release
        for quantity in 0..<release.count {
            guard let place = published.hiddenAt[quantity], published.known[quantity] == nil else { continue }
            let key = release.quantities[quantity]
            do {
                let interval = try system.interval(of: quantity, requiredWidth: rules.protectionWidth)
                guard !interval.isAtLeast(rules.protectionWidth) else { continue }
                findings.append(
                    AuditFinding(
                        kind: .narrow, quantity: key, reference: reference(place, in: release), interval: interval,
                        reason:
                            "can be narrowed to \(interval) from what is published; the rule asks for a width of \(rules.protectionWidth)"))
            } catch .inconsistent {
                throw .inconsistent
            } catch {
                findings.append(
                    AuditFinding(
                        kind: .undecided, quantity: key, reference: reference(place, in: release), interval: nil,
                        reason: "the exact check could not decide this count (\(error)), so it is not proven safe"))
            }
            if stopAtFirst, !findings.isEmpty { return }
        }
    }

    /// A quarter's count that no table prints but a table of that quarter could (its total or
    /// margins, in the unit of one of its tables) must not be pinned to a small range either: once the year and three
    /// quarters are out, the fourth quarter's total is their difference, and a 3 there is a 3
    /// published.
    private func checkUnpublished(_ system: inout ReleaseSystem, into findings: inout [AuditFinding], stopAtFirst: Bool)
        throws(AuditFailure)
    {
        let release = system.release
        let watched = release.watchedUnpublished.map { quantity in
            (
                quantity,
                CountReference(
                    table: "(not published)", key: release.quantities[quantity].key, isMargin: false, period: release.periodName(quantity))
            )
        }
        try checkNotPinned(watched, what: "is not published", &system, into: &findings, stopAtFirst: stopAtFirst)
    }

    /// A count recoding merged away is not printed, but must not become one by arithmetic.
    /// A merged count of 0 shows its members are 0, which names no one.
    private func checkRecoded(
        _ published: PublishedCounts, _ system: inout ReleaseSystem,
        into findings: inout [AuditFinding], stopAtFirst: Bool
    ) throws(AuditFailure) {
        let release = system.release
        let merged = release.recodedHidden.filter { published.known[$0] == nil }.map { quantity in
            (
                quantity,
                recodedReference(quantity, table: release.fineGrids.first { $0.quantities.contains(quantity) }?.table ?? 0, in: release)
            )
        }
        try checkNotPinned(merged, what: "is merged by recoding", &system, into: &findings, stopAtFirst: stopAtFirst)
    }

    /// The rule for counts nobody printed: each passes when its interval is wide, or lies in 0
    /// alone, or at or above the minimum count (a count that would be printed anyway).
    private func checkNotPinned(
        _ quantities: [(Int, CountReference)], what: String, _ system: inout ReleaseSystem,
        into findings: inout [AuditFinding], stopAtFirst: Bool
    ) throws(AuditFailure) {
        for (quantity, reference) in quantities {
            let key = system.release.quantities[quantity]
            do {
                let interval = try system.interval(of: quantity, requiredWidth: rules.protectionWidth)
                guard !interval.isAtLeast(rules.protectionWidth), interval.lower < rules.minimumCount, interval.upper != 0 else { continue }
                findings.append(
                    AuditFinding(
                        kind: .narrow, quantity: key, reference: reference, interval: interval,
                        reason:
                            "\(what), but can be narrowed to \(interval) from what is published; the rule asks for a width of \(rules.protectionWidth)"
                    ))
            } catch .inconsistent {
                throw .inconsistent
            } catch {
                findings.append(
                    AuditFinding(
                        kind: .undecided, quantity: key, reference: reference, interval: nil,
                        reason: "the exact check could not decide this count, which \(what) (\(error)), so it is not proven safe"))
            }
            if stopAtFirst, !findings.isEmpty { return }
        }
    }

    /// Whether some consistent table gives the count 1 or more (unbounded and undecided count
    /// as yes, so the check stays on the safe side).
    static func mayBeNonZero(_ quantity: Int, _ system: inout ReleaseSystem) -> Bool {
        // nil: unbounded, or the checker failed.
        guard let largest = try? system.maximum(of: [(quantity, 1)], target: 1) else { return true }
        return largest >= 1
    }

    /// Where a count recoding merged away would have stood: its table, marked as merged.
    func recodedReference(_ quantity: Int, table: Int, in release: LinkedRelease) -> CountReference {
        let name = release.tables.indices.contains(table) ? release.tables[table].name : "?"
        let key = release.quantities[quantity]
        let dimensions = release.tables.indices.contains(table) ? release.tables[table].dimensions.count : 0
        return CountReference(
            table: "\(name) (merged by recoding)", key: key.key, isMargin: key.key.count < dimensions,
            period: release.periodName(quantity))
    }

    /// A cell holding its whole group is revealed when no consistent table gives the group a
    /// member outside the cell: the largest feasible (group − cell) must be at least 1.
    private func checkGroups(
        _ published: PublishedCounts, _ system: inout ReleaseSystem,
        into findings: inout [AuditFinding], stopAtFirst: Bool
    ) throws(AuditFailure) {
        let release = system.release
        for line in release.groupLines where published.known[line.group] != 0 {  // an empty group reveals nothing
            for cell in line.cells where published.known[cell] != 0 {
                let outside: Int?
                if let group = published.known[line.group], let value = published.known[cell] {
                    outside = group - value
                } else {
                    do {
                        outside = try system.maximum(of: [(line.group, 1), (cell, -1)], target: 1)
                    } catch .inconsistent {
                        throw .inconsistent
                    } catch {
                        outside = 0
                    }
                }
                // A cell nobody printed that must be 0 holds nothing (a merged-away row of zeros).
                if let outside, outside < 1, published.known[cell] != nil || Self.mayBeNonZero(cell, &system) {
                    let place = release.places[cell].first { $0.table == line.table && !$0.isMargin }
                    let at = place.map { reference($0, in: release) } ?? recodedReference(cell, table: line.table, in: release)
                    findings.append(
                        AuditFinding(
                            kind: .wholeGroup(group: release.quantities[line.group]), quantity: release.quantities[cell],
                            reference: at, interval: nil,
                            reason: "holds the whole group \(release.quantities[line.group].key): everyone in it shares this attribute"))
                    if stopAtFirst { return }
                }
            }
        }
    }
}
