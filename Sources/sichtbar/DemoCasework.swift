import CaseStore
import Casework
import Foundation
import Intake
import Members
import Sealing
import SichtbarCore

/// Plays the demo's planned casework through the real services (intake, `CaseworkService`,
/// the reporter's mailbox) on a clock that moves from action to action, so every sealed record,
/// timeline entry, deadline and audit event is what two years of work would have left.
struct DemoCasework {
    /// What the demo made: the cases' ids (nil once shredded), and receipts worth showing.
    struct Outcome {
        var cases = 0
        var shredded = 0
        var tallies = 0
        /// Receipts of reports the office answered in the mailbox and that still exist.
        var receipts: [String] = []
    }

    let casework: CaseworkService
    let reporter: ReporterService
    let reportStore: any ReportStore
    let clock: DemoClock
    /// Every demo member's session, opened once with the key pair made at enrolment.
    let sessions: [String: Session]
    let today: Day

    func run(_ actions: [DemoAction]) async throws -> Outcome {
        var ids: [Int: EntityID] = [:]
        var receipts: [Int: Receipt] = [:]
        var answered: [Int] = []
        var outcome = Outcome()
        for action in actions {
            clock.set(try date(of: action))
            guard let index = action.caseIndex else {
                try await perform(action, on: nil)
                outcome.tallies += 1
                continue
            }
            do {
                switch action.kind {
                case .report(let submission):
                    let (id, receipt) = try await report(submission, index: index)
                    ids[index] = id
                    receipts[index] = receipt
                case .record:
                    ids[index] = try await record(action)
                case .withdraw:
                    guard let receipt = receipts[index] else { throw DemoError("case \(index) has no receipt") }
                    _ = try await reporter.withdraw(receipt: receipt)
                    receipts[index] = nil
                case .reporterMessage(let text):
                    guard let receipt = receipts[index] else { throw DemoError("case \(index) has no receipt") }
                    guard try await reporter.addMessage(receipt: receipt, text: text) else {
                        throw DemoError("case \(index): receipt unknown")
                    }
                default:
                    guard let id = ids[index] else { throw DemoError("case \(index) does not exist (yet)") }
                    try await perform(action, on: id)
                    if case .message = action.kind { answered.append(index) }
                    if case .transition(let request) = action.kind, request.to == "geloescht" {
                        ids[index] = nil
                        receipts[index] = nil
                        outcome.shredded += 1
                    }
                }
            } catch {
                throw DemoError("demo case \(index), \(action.kind): \(error)")
            }
        }
        outcome.cases = ids.count
        var seen = Set<Int>()
        for index in answered.reversed() where seen.insert(index).inserted && outcome.receipts.count < 3 {
            if let receipt = receipts[index] { outcome.receipts.append(receipt.formatted) }
        }
        return outcome
    }

    /// The moment of an action: its day before today and its minute, in Berlin.
    func date(of action: DemoAction) throws -> Date {
        let day = today.adding(days: -action.ago)
        guard
            let date = Day.berlin.date(
                from: DateComponents(
                    year: day.year, month: day.month, day: day.day,
                    hour: action.minute / 60, minute: action.minute % 60))
        else {
            throw DemoError("no date for \(day.iso)")
        }
        return date
    }

    /// A report through intake, exactly as `ReporterService.submit` stores it, keeping its case id.
    func report(_ submission: ReportSubmission, index: Int) async throws -> (EntityID, Receipt) {
        var submission = submission
        let day = Day(clock.now)
        submission.incidentDate = day.adding(days: -(index * 7 % 45)).iso
        let report = try reporter.validator.validate(submission, offices: try await reportStore.offices(), today: day)
        let (intake, receipt) = try reporter.seal(report, on: day)
        try await reportStore.submit(intake)
        return (intake.caseID, receipt)
    }

    func record(_ action: DemoAction) async throws -> EntityID {
        guard case .record(let kind, let channel, let title, let persons, let contact, let note) = action.kind else {
            throw DemoError("not a recorded case")
        }
        let input = NewCaseInput(
            kind: kind, channel: channel, title: title, persons: persons,
            contact: contact?.entry(on: Day(clock.now)), note: note)
        return try await casework.create(input, by: try session(action.actor))
    }

    func session(_ username: String) throws -> Session {
        guard let session = sessions[username] else { throw DemoError("no session for \(username)") }
        return session
    }
}

/// A demo plan that the services refused: a bug in the demo, named with its case and action.
struct DemoError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
