import Foundation
import Testing
@testable import Casework
@testable import Sealing

/// `Policies/taxonomy.yaml` of this repository, found from this file's own path.
let taxonomyURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // CaseworkTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package
    .appendingPathComponent("Policies")
    .appendingPathComponent("taxonomy.yaml")

/// The real taxonomy, loaded afresh for each test.
func realTaxonomy() throws -> Taxonomy {
    try Taxonomy.load(from: taxonomyURL)
}

/// An office with a fresh key pair serving `regions`, its privacy notice complete (so it takes
/// reports) unless `notice` is false.
func makeOffice(_ name: String, regions: [String] = [], keyPair: BoxKeyPair = BoxKeyPair(), notice: Bool = true,
                fallback: Bool = false) -> Office {
    Office(id: .random(), name: name, publicKey: keyPair.publicKey, keyVersion: 1,
           profile: notice ? OfficeProfile(regions: regions, controller: "\(name) e. V.", law: .dsgvo, dpo: "datenschutz@example.org")
                           : OfficeProfile(regions: regions),
           isFallback: fallback)
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs contiguously in these bytes.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for start in 0...(count - needle.count) where self[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
