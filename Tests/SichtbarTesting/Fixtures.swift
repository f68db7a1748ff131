import Foundation
import Sealing
import SichtbarCore
import Workflow

/// The real taxonomy, loaded afresh for each test.
public func realTaxonomy() throws -> Taxonomy {
    try Taxonomy.load(from: Repository.taxonomy)
}

/// The default workflow policy, loaded afresh.
public func defaultWorkflow() throws -> WorkflowPolicy {
    try WorkflowPolicy.load(from: Repository.workflow)
}

/// An office with a fresh key pair serving `regions`, its privacy notice complete (so it takes
/// reports) unless `notice` is false.
public func makeOffice(
    _ name: String, regions: [String] = [], keyPair: BoxKeyPair = BoxKeyPair(), notice: Bool = true,
    fallback: Bool = false
) -> Office {
    Office(
        id: .random(), name: name, publicKey: keyPair.publicKey, keyVersion: 1,
        profile: notice
            ? OfficeProfile(regions: regions, controller: "\(name) e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
            : OfficeProfile(regions: regions),
        isFallback: fallback)
}

/// A profile with the privacy-notice facts an office needs to take reports.
public func noticeProfile(regions: [String] = []) -> OfficeProfile {
    OfficeProfile(regions: regions, controller: "Träger e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
}

/// Noon in Berlin on `iso`, so the engine's day is that day.
public func noon(_ iso: String) -> Date {
    guard let day = Day(iso: iso),
        let date = Day.berlin.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
    else { preconditionFailure("bad test day \(iso)") }
    return date
}

public func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { preconditionFailure("bad test day \(iso)") }
    return day
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs contiguously in these bytes.
    public func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
