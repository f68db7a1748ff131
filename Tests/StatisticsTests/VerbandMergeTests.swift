import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Testing

@Suite("VerbandMerge: signed office releases checked, summed and protected once")
struct VerbandMergeTests {
    let setting: MergeSetting

    init() throws {
        setting = try MergeSetting()
    }

    /// An office's release, unsigned, counted from synthetic classifications.
    func release(_ number: Int, cases: Int, period: StatPeriod? = nil) throws -> StatFile {
        let period = period ?? setting.year
        let specs = period.quarter == nil ? setting.policy.tables : setting.policy.tables(for: "quarterly")
        let facts = SyntheticOffices.facts(vocabulary: setting.vocabulary, cases: cases, period: period, seed: UInt64(number))
        let tables = TableCounter(vocabulary: setting.vocabulary).count(
            specs, facts: facts, plain: .init(kurzkontakte: 9, nichtKlassifiziert: 2),
            period: period)
        return StatFile(
            scope: .office, office: "office-\(number)", period: period, policy: setting.policy.digest,
            taxonomy: setting.vocabulary.taxonomy.version, generatedOn: setting.day, tables: tables)
    }

    func bytes(_ file: StatFile, key: SigningKeyPair? = nil) throws -> [UInt8] {
        try file.signed(with: key ?? setting.office).serialised()
    }

    func refusal(_ files: [[UInt8]], merge: VerbandMerge? = nil) -> MergeRefusal? {
        guard case .refused(let refusal) = (merge ?? setting.merge).merge(files, on: setting.day) else { return nil }
        return refusal
    }

    @Test func anOfficeReleaseCarryingRecodingIsRefused() throws {
        var file = try release(1, cases: 40)
        let index = try #require(file.tables.firstIndex { $0.dimensions == ["ground"] })
        file.tables[index].recoded = ["ground": ["sonstige_zusammengefasst": ["sprache", "aussehen_gewicht"]]]
        let refused = refusal([try bytes(try release(2, cases: 40)), try bytes(file)])
        #expect(refused?.fileIndex == 1)
        #expect(refused?.message.contains("never recoded") == true, "\(refused?.message ?? "accepted")")
    }

    @Test func threeReleasesAreSummedAndProtectedOnce() throws {
        let inputs = try [release(1, cases: 40), release(2, cases: 25), release(3, cases: 70)]
        guard case .merged(let merged) = setting.merge.merge(try inputs.map { try bytes($0) }, on: setting.day) else {
            Issue.record("the merge was refused: \(String(describing: refusal(try inputs.map { try bytes($0) })?.message))")
            return
        }
        #expect(merged.offices == ["office-1", "office-2", "office-3"])
        #expect(merged.file.scope == .verband && merged.file.office == nil && merged.file.signature == nil)
        #expect(merged.file.period == setting.year && merged.file.policy == setting.policy.digest && merged.file.generatedOn == setting.day)
        #expect(merged.file.tables.map(\.name) == setting.policy.tables.map(\.name))
        var printed = 0
        for table in merged.file.tables {
            // Recoding merged some codes alike in every table: an office's table recoded the same way sums cell by cell.
            let recoding = RecodingMap(groups: table.recoded)
            let parts = inputs.compactMap { $0.tables.first { $0.name == table.name } }.map(recoding.apply)
            for (offset, cell) in (table.cells + table.margins).enumerated() {
                let sum = parts.reduce(0) { $0 + ((($1.cells + $1.margins)[offset]).count ?? 0) }
                #expect(parts.allSatisfy { ($0.cells + $0.margins)[offset].key == cell.key })
                if let count = cell.count {
                    #expect(count == sum, "\(table.name) \(cell.key) is the sum of the offices' counts")
                    #expect(!(1...4).contains(count), "\(table.name) \(cell.key) prints \(count)")
                    printed += 1
                } else {
                    #expect(cell.suppressed)
                }
            }
        }
        #expect(printed > 0)
        let summary = try #require(merged.disclosure)
        #expect(summary.primary > 0 && summary.fallback == .none)
        let audit = DisclosureAudit(rules: setting.policy.disclosureRules, hierarchies: setting.policy.codeHierarchies)
        #expect(audit.check(merged.file.tables) == .safe)
        // The caller signs; the signed file opens again as a Verband file.
        let verband = SigningKeyPair()
        let (reopened, verdict) = StatFile.open(try merged.file.signed(with: verband).serialised(), key: verband.publicKey)
        #expect(verdict.isValid && reopened?.tables == merged.file.tables)
    }

    @Test func nothingToMergeIsRefused() {
        #expect(refusal([]) == MergeRefusal(fileIndex: nil, reason: .noFiles))
    }

    @Test func aTamperedByteBreaksTheSignature() throws {
        var tampered = try bytes(release(2, cases: 20))
        let marker = Array("\"generatedOn\":\"2027".utf8)
        let start = try #require(tampered.indices.first { tampered[$0...].starts(with: marker) })
        tampered[start + marker.count - 1] = UInt8(ascii: "8")
        let found = try #require(refusal([try bytes(release(1, cases: 20)), tampered]))
        #expect(found == MergeRefusal(fileIndex: 1, reason: .badSignature))
        #expect(found.message.contains("File 2"))
    }

    @Test func aForeignKeyAnUnsignedFileAndGarbageAreRefused() throws {
        let stranger = SigningKeyPair()
        let foreign = try #require(refusal([try bytes(release(1, cases: 20), key: stranger)]))
        #expect(foreign == MergeRefusal(fileIndex: 0, reason: .untrustedKey(StatSignature.encode(stranger.publicKey))))
        #expect(foreign.message.contains("File 1") && foreign.message.contains("not among the trusted"))
        let unsigned = try release(1, cases: 20).serialised()
        #expect(refusal([unsigned])?.reason == .unsigned)
        guard case .malformed = refusal([Array("not json".utf8)])?.reason else {
            Issue.record("garbage was not malformed")
            return
        }
    }

    @Test func anotherTaxonomyVersionIsRefusedNamingBoth() throws {
        let other = VerbandMerge(policy: setting.policy, taxonomyVersion: "99", trustedKeys: [setting.office.publicKey])
        let found = try #require(refusal([try bytes(release(1, cases: 20))], merge: other))
        #expect(found.reason == .taxonomyMismatch(expected: "99", found: setting.vocabulary.taxonomy.version))
        #expect(found.message.contains("99") && found.message.contains("version \(setting.vocabulary.taxonomy.version)"))
    }

    @Test func theSameOfficeTwiceIsRefused() throws {
        let file = try bytes(release(1, cases: 20))
        #expect(
            refusal([file, try bytes(release(2, cases: 20)), file])
                == MergeRefusal(fileIndex: 2, reason: .duplicateOffice(office: "office-1", earlierFile: 0)))
    }

    @Test func periodsPolicyAndScopeMustAgree() throws {
        let quarter = try #require(StatPeriod("2026-Q3"))
        #expect(
            refusal([try bytes(release(1, cases: 20)), try bytes(release(2, cases: 20, period: quarter))])
                == MergeRefusal(fileIndex: 1, reason: .periodMismatch(expected: setting.year, found: quarter)))
        var otherPolicy = try release(1, cases: 20)
        otherPolicy.policy = String(repeating: "0", count: 64)
        #expect(refusal([try bytes(otherPolicy)])?.reason == .policyMismatch(expected: setting.policy.digest, found: otherPolicy.policy))
        var verbandFile = try release(1, cases: 20)
        verbandFile.scope = .verband
        #expect(refusal([try bytes(verbandFile)])?.reason == .notAnOfficeRelease)
    }

    @Test func tablesMustHaveThePolicysShape() throws {
        let good = try bytes(release(1, cases: 20))
        var missing = try release(2, cases: 20)
        missing.tables.removeAll { $0.name == "zugangsweg" }
        #expect(refusal([good, try bytes(missing)]) == MergeRefusal(fileIndex: 1, reason: .tableMissing("zugangsweg")))

        var extra = try release(2, cases: 20)
        var renamed = extra.tables[0]
        renamed.name = "faelle_nach_hautfarbe"
        extra.tables.append(renamed)
        #expect(refusal([good, try bytes(extra)])?.reason == .unexpectedTable("faelle_nach_hautfarbe"))

        var otherUnit = try release(2, cases: 20)
        otherUnit.tables[0].unit = "meldungen"
        guard case .tableShape(let table, let problem)? = refusal([good, try bytes(otherUnit)])?.reason else {
            Issue.record("another unit was merged")
            return
        }
        #expect(table == otherUnit.tables[0].name && problem.contains("unit"))

        var fewerKeys = try release(2, cases: 20)
        let index = try #require(fewerKeys.tables.firstIndex { $0.name == "faelle_nach_merkmal" })
        fewerKeys.tables[index].cells.removeLast()
        guard case .tableShape(_, let keys)? = refusal([good, try bytes(fewerKeys)])?.reason else {
            Issue.record("other keys were merged")
            return
        }
        #expect(keys.contains("keys"))
    }

    /// Keys end up in published files and spreadsheets: only the taxonomy's codes are merged.
    @Test func aKeyThatIsNoCodeOfTheTaxonomyIsRefused() throws {
        var forged = try release(1, cases: 20)
        let index = try #require(forged.tables.firstIndex { $0.name == "faelle_nach_merkmal" })
        let old = try #require(forged.tables[index].cells.first?.key["ground"])
        let formula = "=HYPERLINK(\"http://x\")"
        func rename(_ cell: StatCell) -> StatCell {
            guard cell.key["ground"] == old else { return cell }
            var key = cell.key
            key["ground"] = formula
            return StatCell(key: key, count: cell.count)
        }
        forged.tables[index].cells = forged.tables[index].cells.map(rename)
        forged.tables[index].margins = forged.tables[index].margins.map(rename)
        guard case .tableShape(let table, let problem)? = refusal([try bytes(forged)])?.reason else {
            Issue.record("a key outside the taxonomy was merged")
            return
        }
        #expect(table == "faelle_nach_merkmal" && problem.contains("not a code of the taxonomy") && problem.contains("ground="))
    }

    @Test func aSuppressedInputCountIsRefused() throws {
        var suppressed = try release(2, cases: 20)
        suppressed.tables[0].cells[0] = StatCell(key: suppressed.tables[0].cells[0].key, count: nil, suppressed: true, primary: true)
        let found = try #require(refusal([try bytes(release(1, cases: 20)), try bytes(suppressed)]))
        #expect(found.reason == .countMissing(table: suppressed.tables[0].name, key: suppressed.tables[0].cells[0].key))
        #expect(found.message.contains("File 2"))
    }

    @Test func aReleaseThatDoesNotAddUpIsNamed() throws {
        var wrong = try release(2, cases: 20)
        let index = try #require(wrong.tables.firstIndex { $0.name == "ueberblick" })
        let total = try #require(wrong.tables[index].margins.firstIndex { $0.key.isEmpty })
        wrong.tables[index].margins[total].count = (wrong.tables[index].margins[total].count ?? 0) + 7
        guard case .inconsistent? = refusal([try bytes(release(1, cases: 20)), try bytes(wrong)])?.reason else {
            Issue.record("a wrong total was merged")
            return
        }
    }
}
