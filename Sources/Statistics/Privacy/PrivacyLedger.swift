/// The privacy budget of noisy (`mode: dp`) releases: every release spends ε, and within one
/// calendar year the sum may not pass the policy's yearly cap. A pure value — storing it is the
/// caller's business (it is `Codable`) — compared exactly: ε are fractions, never rounded.
///
/// The year a release is charged to is the year of the *period it counts* (`period.year`), not
/// the day it is made: privacy loss accrues to the people in the data, and a release about 2026
/// made in January 2027 reveals 2026's cases. A new year starts with the full cap again.
public struct PrivacyLedger: Codable, Sendable, Equatable {
    public private(set) var entries: [PrivacyLedgerEntry]

    public init(entries: [PrivacyLedgerEntry] = []) {
        self.entries = entries
    }

    /// The ε already spent on releases counting `year`; nil only if the exact sum no longer
    /// fits 64-bit fractions (then nothing more is admitted).
    public func spent(year: Int) -> Epsilon? {
        var total = Epsilon.zero
        for entry in entries where entry.period.year == year {
            guard let sum = total.adding(entry.epsilon) else { return nil }
            total = sum
        }
        return total
    }

    /// Whether a release spending `epsilon` on `year`'s data stays within `cap` (spending the
    /// cap exactly is allowed). Admitting records nothing; `record(_:cap:)` does both at once.
    public func admit(_ epsilon: Epsilon, year: Int, cap: Epsilon) -> LedgerVerdict {
        guard epsilon > .zero else { return .refused(reason: "a noisy release spends a positive ε") }
        guard let spent = spent(year: year), let total = spent.adding(epsilon) else {
            return .refused(reason: "the ε spent on \(year) cannot be summed exactly")
        }
        guard total <= cap, let remaining = cap.subtracting(total) else {
            return .refused(reason: "ε \(epsilon) would bring \(year) to \(total), past its cap of \(cap) (spent so far: \(spent))")
        }
        return .admitted(remaining: remaining)
    }

    /// Admits `entry` against the cap for its period's year and, when admitted, appends it.
    /// A release id already in the ledger is refused: a frozen release is charged once.
    public mutating func record(_ entry: PrivacyLedgerEntry, cap: Epsilon) -> LedgerVerdict {
        guard !entries.contains(where: { $0.releaseID == entry.releaseID }) else {
            return .refused(reason: "release \(entry.releaseID) is already in the ledger")
        }
        let verdict = admit(entry.epsilon, year: entry.period.year, cap: cap)
        if case .admitted = verdict { entries.append(entry) }
        return verdict
    }
}
