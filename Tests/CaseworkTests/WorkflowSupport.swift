import Foundation
@testable import Casework

/// `Policies/workflow.yaml` of this repository, found from this file's own path.
let workflowURL = taxonomyURL.deletingLastPathComponent().appendingPathComponent("workflow.yaml")

/// The default workflow policy, loaded afresh.
func defaultWorkflow() throws -> WorkflowPolicy {
    try WorkflowPolicy.load(from: workflowURL)
}

/// Noon in Berlin on `iso`, so the engine's day is that day.
func noon(_ iso: String) -> Date {
    guard let day = Day(iso: iso), let date = Day.berlin.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))
    else { preconditionFailure("bad test day \(iso)") }
    return date
}

func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { preconditionFailure("bad test day \(iso)") }
    return day
}
