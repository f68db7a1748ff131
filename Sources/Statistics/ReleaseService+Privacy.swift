import Casework
import SichtbarCore

/// `mode: dp` for a lead's release: noise before freezing, charged to the office's yearly
/// privacy ledger, with the exact funding totals beside the noisy tables.
extension ReleaseService {
    /// The tables to freeze and the ε they spend: the exact tables unchanged under `mode: exact`;
    /// under `mode: dp` the noisy tables plus `FundingTotals`, after the ledger of the period's
    /// year has admitted the release. A refusal names `period` (422): the budget of that year
    /// is spent, so the lead must wait for the next year or the Verband must change the policy.
    func releasedTables(_ exact: [StatTable], period: StatPeriod, officeID: EntityID) async throws -> (
        tables: [StatTable], epsilon: String?
    ) {
        let policy = statistics.policy
        guard policy.mode == .dp else { return (exact, nil) }
        guard let epsilon = Epsilon(policy.epsilonPerRelease), let cap = Epsilon(policy.yearlyCap) else {
            throw FieldError.invalid(
                field: "period",
                message: "the statistics policy's ε per release (\(policy.epsilonPerRelease)) "
                    + "or yearly cap (\(policy.yearlyCap)) is not a usable ε")
        }
        // `epsilon_per_release` is the whole release's budget: each cell gets its share, so that
        // the release's cost (every cell a case can change, charged) is exactly that budget.
        let bounds = Self.maximumValues(exact)
        guard let one = Epsilon(numerator: 1, denominator: 1),
            let unitCost = NoisyTables.cost(of: exact, epsilon: one, maximumValues: bounds), unitCost.numerator > 0,
            let perCell = Epsilon(
                numerator: epsilon.numerator * unitCost.denominator, denominator: epsilon.denominator * unitCost.numerator),
            let cost = NoisyTables.cost(of: exact, epsilon: perCell, maximumValues: bounds)
        else {
            throw FieldError.invalid(field: "period", message: "the ε this release would spend cannot be computed exactly")
        }
        let ledger = try await ledger(officeID: officeID)
        if case .refused(let reason) = ledger.admit(cost, year: period.year, cap: cap) {
            throw FieldError.invalid(
                field: "period", message: "the privacy budget of \(period.year) does not allow this release: \(reason)")
        }
        var source = BoxedRandomSource(base: noiseSource())
        let noisy: [StatTable]
        do {
            noisy = try NoisyTables.apply(exact, epsilon: perCell, source: &source)
        } catch {
            throw FieldError.invalid(field: "period", message: "the tables could not be noised: \(error)")
        }
        guard let totals = FundingTotals.table(from: exact) else {
            throw FieldError.invalid(field: "period", message: "the exact totals for the funding report are missing")
        }
        return (noisy + [totals], cost.description)
    }

    /// The office's ledger from the ε its earlier releases stored. An entry that cannot be read
    /// stops the release (fail closed): an unknown spend might already have used the budget.
    func ledger(officeID: EntityID) async throws -> PrivacyLedger {
        try Self.ledger(of: try await releases.releases(officeID: officeID))
    }

    /// The check the store runs inside the freeze transaction, with the releases kept then:
    /// under `mode: dp`, every one of them must open under its stored ε (bound into its seal),
    /// and the ledger they make must admit `epsilon` for the period's year. The check before
    /// noising is an early answer; this one decides, so two releases frozen at once cannot
    /// both take the rest of the budget.
    func admission(_ epsilon: String?, period: StatPeriod, secrets: OfficeSecrets) -> @Sendable ([StoredRelease]) throws -> Void {
        let yearlyCap = statistics.policy.yearlyCap
        return { [self] kept in
            guard let epsilon else { return }
            for release in kept {
                do {
                    _ = try open(release, secrets: secrets)
                } catch {
                    throw FieldError.invalid(
                        field: "period",
                        message: "the release of \(release.period) does not open with the ε stored beside it; "
                            + "the privacy budget cannot be trusted")
                }
            }
            guard let cost = Epsilon.parse(epsilon), let cap = Epsilon(yearlyCap) else {
                throw FieldError.invalid(field: "period", message: "the ε of this release (\(epsilon)) or the yearly cap cannot be read")
            }
            if case .refused(let reason) = try Self.ledger(of: kept).admit(cost, year: period.year, cap: cap) {
                throw FieldError.invalid(
                    field: "period", message: "the privacy budget of \(period.year) does not allow this release: \(reason)")
            }
        }
    }

    static func ledger(of kept: [StoredRelease]) throws -> PrivacyLedger {
        var entries: [PrivacyLedgerEntry] = []
        for release in kept {
            guard let text = release.epsilon else { continue }
            guard let period = StatPeriod(release.period), let epsilon = Epsilon.parse(text) else {
                throw FieldError.invalid(field: "period", message: "the ε of the release of \(release.period) cannot be read")
            }
            let day = Day(iso: String(release.createdAt.prefix(10))) ?? period.range.to
            entries.append(PrivacyLedgerEntry(releaseID: release.id.hex, period: period, epsilon: epsilon, day: day))
        }
        return PrivacyLedger(entries: entries)
    }

    /// How many codes one case can name along each multi-valued dimension: the number of codes
    /// the tables list along it. Always a true bound; a tighter one (the 12 grounds a report may
    /// name) would need every way into a classification to enforce it.
    static func maximumValues(_ tables: [StatTable]) -> [String: Int] {
        var bounds: [String: Int] = [:]
        for table in tables {
            for dimension in table.multiValued {
                let codes = Set(table.cells.compactMap { $0.key[dimension] }).count
                bounds[dimension] = max(bounds[dimension] ?? 0, codes)
            }
        }
        return bounds
    }
}
