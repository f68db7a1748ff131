import Foundation
import SichtbarCore

/// How long reports and cases are kept, from `Policies/retention.yaml`. The privacy notice
/// reporters consent to is written from these numbers, so the notice and the policy agree.
public struct RetentionPolicy: Sendable, Equatable {
    public static let fileName = "retention.yaml"

    /// A Meldung's content goes this many months after classification.
    public var reportMonths = 3
    /// A closed case goes this many years after the end of the year it was closed in.
    public var closedCaseYears = 3
    /// An unclassified report is flagged to the office after this many months…
    public var unclassifiedFlagMonths = 6
    /// …and goes after this many.
    public var unclassifiedMonths = 12
    /// A confirmed deletion request is carried out within this many months.
    public var deletionRequestMonths = 1

    public init() {}

    public static func load(from url: URL) throws -> RetentionPolicy {
        try parse(try PolicyNode.text(at: url), file: url.path)
    }

    public static func parse(_ text: String, file: String) throws -> RetentionPolicy {
        let what = "the retention policy"
        let root = try PolicyNode.parse(text, file: file)
        _ = try root.required("version", in: what).string("version")
        let unclassified = try root.required("unclassified", in: what)
        var policy = RetentionPolicy()
        policy.reportMonths = try root.required("report_months_after_classification", in: what)
            .integer("report_months_after_classification", in: 1...120)
        policy.closedCaseYears = try root.required("closed_case_years", in: what).integer("closed_case_years", in: 1...30)
        policy.unclassifiedFlagMonths = try unclassified.required("flag_months", in: "unclassified").integer("flag_months", in: 1...120)
        policy.unclassifiedMonths = try unclassified.required("delete_months", in: "unclassified").integer("delete_months", in: 1...120)
        // Art. 12 (3) DSGVO: one month, extendable by two more only with reasons given.
        policy.deletionRequestMonths = try root.required("deletion_request_months", in: what).integer("deletion_request_months", in: 1...3)
        guard policy.unclassifiedFlagMonths < policy.unclassifiedMonths else {
            throw unclassified.error("flag_months must be less than delete_months: the office is warned before a report goes")
        }
        return policy
    }
}
