import App
import CaseStore
import Casework
import Foundation
import Intake
import Members
import SichtbarCore
import Workflow

extension DemoData {
    /// How much casework the demo plays.
    struct Sizes {
        var cases: Int
        var freshReports: Int
        var tallies: Int
        var seed: UInt64
    }

    /// The moment the demo offices were set up: the day before the casework horizon (1 January two
    /// years before `today`'s year), in the morning.
    static func start(before today: Day) -> Date {
        let day = today.adding(days: -(DemoPlanner.horizon(before: today) + 1))
        return Day.berlin.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 8)) ?? Date()
    }

    /// Plays the planned casework through the services as the server wires them (the workflow
    /// and taxonomy of `policies`), on a clock that runs from `clock`'s start to yesterday.
    static func playCasework(
        _ opened: CommandStore, services: AppServices, clock: DemoClock, today: Day, staffs: [DemoStaff], sessions: [String: Session],
        sizes: Sizes
    ) async throws -> DemoCasework.Outcome {
        let (casework, reporter, reportStore) = (services.casework, services.reporter, services.stores.reports)
        var planner = DemoPlanner(random: DemoRandom(seed: sizes.seed), today: today, tracker: casework.deadlines, staffs: staffs)
        let actions = planner.plan(cases: sizes.cases, freshReports: sizes.freshReports, tallies: sizes.tallies)
        // Thousands of small commits: while the demo is made, a commit need not wait for the disk
        // (WAL with synchronous=NORMAL stays consistent, a crash only loses the newest commits of
        // a demo that is made again anyway). The server always runs with FULL.
        try await setSynchronous("NORMAL", opened)
        let outcome = try await DemoCasework(
            casework: casework, reporter: reporter, reportStore: reportStore, clock: clock,
            sessions: sessions, today: today
        ).run(actions)
        try await setSynchronous("FULL", opened)
        return outcome
    }

    /// SQLite only: PostgreSQL's commits stay as the server makes them (the demo is slower there).
    static func setSynchronous(_ mode: String, _ opened: CommandStore) async throws {
        guard case .sqlite(let database) = opened.engine else { return }
        try await database.writer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(mode)") }
    }

    /// Who works cases in each created office, and the regions it serves.
    static func staffs(_ created: [(Office, [(String, String, MemberRole)])]) -> [DemoStaff] {
        created.map { office, members in
            DemoStaff(
                officeHex: office.id.hex, lead: members.first { $0.2 == .lead }?.0 ?? "",
                counsellors: members.filter { $0.2 == .counsellor }.map(\.0),
                regions: office.profile.regions.isEmpty ? ["05315"] : office.profile.regions)
        }
    }
}
