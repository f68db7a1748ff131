import Casework
import Sealing
import SichtbarCore

/// The Verband's `stats merge`: opens the offices' signed releases of one period, checks each
/// against the policy in force, sums them count by count and applies disclosure control once,
/// to what is published (DESIGN.md: "the Verband merges the released offices' exact tables and
/// applies disclosure control once"). Any problem refuses the whole merge with its reason.
public struct VerbandMerge: Sendable {
    public let policy: StatisticsPolicy
    /// The taxonomy version in force; releases under another version are refused (no mapping yet).
    public let taxonomyVersion: String
    /// The offices' signing keys the Verband accepts; a file's own `key` member proves nothing.
    public let trustedKeys: [SigningPublicKey]

    public init(policy: StatisticsPolicy, taxonomyVersion: String, trustedKeys: [SigningPublicKey]) {
        self.policy = policy
        self.taxonomyVersion = taxonomyVersion
        self.trustedKeys = trustedKeys
    }

    /// Opens signed office releases (bytes as received), checks, sums, protects once.
    /// `published` are the Verband's earlier publications (verified by the caller), every one
    /// ever made for the year, replaced ones included: those of the merged period's year are
    /// protected together with the new tables (`DisclosureControl.protect`'s `published`).
    public func merge(_ files: [[UInt8]], on day: Day, published: [StatFile] = []) -> VerbandMergeResult {
        do throws(MergeRefusal) {
            return .merged(try merged(files, on: day, published: published))
        } catch {
            return .refused(error)
        }
    }

    func merged(_ files: [[UInt8]], on day: Day, published: [StatFile] = []) throws(MergeRefusal) -> MergedStatistics {
        guard !files.isEmpty else { throw MergeRefusal(fileIndex: nil, reason: .noFiles) }
        var opened: [StatFile] = []
        var offices: [String] = []
        let openedFiles = openAll(files)
        for (index, candidate) in openedFiles.enumerated() {
            let file = try accept(candidate, index: index)
            guard file.scope == .office, let office = file.office else { throw MergeRefusal(fileIndex: index, reason: .notAnOfficeRelease) }
            if let first = opened.first, first.period != file.period {
                throw MergeRefusal(fileIndex: index, reason: .periodMismatch(expected: first.period, found: file.period))
            }
            guard file.policy == policy.digest else {
                throw MergeRefusal(fileIndex: index, reason: .policyMismatch(expected: policy.digest, found: file.policy))
            }
            guard file.taxonomy == taxonomyVersion else {
                throw MergeRefusal(fileIndex: index, reason: .taxonomyMismatch(expected: taxonomyVersion, found: file.taxonomy))
            }
            if let earlier = offices.firstIndex(of: office) {
                throw MergeRefusal(fileIndex: index, reason: .duplicateOffice(office: office, earlierFile: earlier))
            }
            try checkTables(of: file, index: index, first: opened.first)
            if let inconsistency = candidate.inconsistency {
                throw MergeRefusal(fileIndex: index, reason: .inconsistent(inconsistency))
            }
            opened.append(file)
            offices.append(office)
        }
        guard let first = opened.first else { throw MergeRefusal(fileIndex: nil, reason: .noFiles) }
        let summed = sum(opened)
        let (tables, summary, protected) = try protect(summed, alongside: earlierTables(published, year: first.period.year))
        let file = StatFile(
            scope: .verband, period: first.period, policy: policy.digest, taxonomy: taxonomyVersion,
            generatedOn: day, tables: tables)
        return MergedStatistics(
            file: file, offices: offices, disclosure: summary, loss: protected?.loss, comparedLoss: protected?.comparedLoss,
            recoded: !(protected?.recoding.isEmpty ?? true))
    }

    /// The verified file, its key one the Verband trusts.
    private func accept(_ opened: OpenedFile, index: Int) throws(MergeRefusal) -> StatFile {
        let (file, verdict) = (opened.file, opened.verdict)
        let reason: MergeRefusal.Reason
        switch verdict {
        case .valid(let key):
            guard trustedKeys.contains(key) else { throw MergeRefusal(fileIndex: index, reason: .untrustedKey(StatSignature.encode(key))) }
            guard let file else { throw MergeRefusal(fileIndex: index, reason: .malformed("signed, but not readable")) }
            return file
        case .unsigned: reason = .unsigned
        case .wrongAlgorithm: reason = .wrongAlgorithm
        case .keyMismatch, .badSignature: reason = .badSignature
        case .malformed(let why): reason = .malformed(why)
        }
        throw MergeRefusal(fileIndex: index, reason: reason)
    }

    /// Under `mode: exact` the whole merged release is protected once; under `mode: dp` the
    /// noisy tables go out as they are and only the exact funding totals are protected.
    private func protect(_ tables: [StatTable], alongside published: [StatTable]) throws(MergeRefusal) -> (
        tables: [StatTable], summary: DisclosureSummary?, loss: ProtectedRelease?
    ) {
        let toProtect = policy.mode == .exact ? tables : tables.filter { $0.name == FundingTotals.name }
        guard !toProtect.isEmpty else { return (tables, nil, nil) }
        let protected: ProtectedRelease
        do {
            protected = try DisclosureControl.protect(
                toProtect, rules: policy.disclosureRules,
                hierarchies: policy.mode == .exact ? policy.codeHierarchies : [],
                published: policy.mode == .exact ? published : published.filter { $0.unit == FundingTotals.unit },
                recoding: policy.mode == .exact ? policy.recoding : .none)
        } catch {
            throw MergeRefusal(fileIndex: nil, reason: .disclosureFailed(error.description))
        }
        switch protected.verdict {
        case .safe: break
        case .unsafe(let cell, _, let why): throw MergeRefusal(fileIndex: nil, reason: .disclosureFailed("\(cell): \(why)"))
        case .unreadable(let why): throw MergeRefusal(fileIndex: nil, reason: .disclosureFailed(why))
        }
        guard policy.mode == .dp else { return (protected.tables, protected.summary, protected) }
        let byName = Dictionary(protected.tables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return (tables.map { byName[$0.name] ?? $0 }, protected.summary, nil)
    }

    /// The tables of the earlier publications of `year`, each renamed after its publication
    /// ("ueberblick (publication 2 of 2026-Q1)"), so that a period published twice keeps both.
    func earlierTables(_ published: [StatFile], year: Int) -> [StatTable] {
        var count: [StatPeriod: Int] = [:]
        return published.filter { $0.scope == .verband && $0.period.year == year }.flatMap { file in
            count[file.period, default: 0] += 1
            let number = count[file.period] ?? 1
            return file.tables.map { table in
                var renamed = table
                renamed.name = "\(table.name) (publication \(number) of \(file.period))"
                return renamed
            }
        }
    }
}
