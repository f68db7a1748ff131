import Foundation
import SichtbarTesting
import Testing

@testable import Casework
@testable import SichtbarCore

/// `Policies/retention.yaml`: the periods the privacy notice states.
@Suite struct RetentionPolicyTests {
    static let shipped = Repository.taxonomy.deletingLastPathComponent().appendingPathComponent(RetentionPolicy.fileName)

    @Test func theShippedPolicyStatesTheDefaults() throws {
        let policy = try RetentionPolicy.load(from: Self.shipped)
        #expect(policy.reportMonths == 3)
        #expect(policy.closedCaseYears == 3, "§ 195 BGB: three years from the end of the year")
        #expect(policy.unclassifiedFlagMonths == 6)
        #expect(policy.unclassifiedMonths == 12)
        #expect(policy.deletionRequestMonths == 1, "Art. 12 (3) DSGVO")
    }

    @Test(arguments: [
        ("closed_case_years: 3", "closed_case_years: 0", "closed_case_years"),
        ("deletion_request_months: 1", "deletion_request_months: 4", "deletion_request_months"),
        ("  flag_months: 6", "  flag_months: 12", "flag_months must be less than delete_months"),
        ("report_months_after_classification: 3\n", "", "report_months_after_classification"),
    ])
    func aBadPeriodIsRefusedByName(original: String, replacement: String, words: String) throws {
        let text = try String(contentsOf: Self.shipped, encoding: .utf8)
        #expect(text.contains(original))
        let error = #expect(throws: PolicyError.self) {
            try RetentionPolicy.parse(text.replacingOccurrences(of: original, with: replacement), file: "retention.yaml")
        }
        #expect(error.map { "\($0)".contains(words) } == true, "\(String(describing: error))")
    }
}
