import Casework
import Foundation
import Hummingbird
import SichtbarCore

extension CasePages {
    /// How far ahead `/retention` looks.
    static let retentionHorizonDays = 60

    /// `/retention`: a lead sees what the retention policy deletes in the next weeks, the
    /// unclassified reports already flagged, and the cases a legal hold keeps. Viewing is audited.
    @Sendable func retentionPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.isLead, session.worksCases, let retention else { throw AccessError.notFound }
            let outlook = try await retention.outlook(within: Self.retentionHorizonDays, for: session)
            try await base.members.record(session, .retentionViewed)
            let time = PageTime(language: language.code)
            let today = retention.today
            func row(_ due: RetentionDue) -> RetentionPageView.Going {
                RetentionPageView.Going(
                    id: due.caseID.hex, reference: CaseReference.of(due.caseID),
                    reason: language["retention_kind_\(due.kind.rawValue)"], day: time.day(due.goesOn),
                    overdue: due.goesOn <= today && !due.held,
                    flagged: due.flaggedOn.map { $0 <= today && due.kind == .unclassified } == true)
            }
            let going = outlook.going
            let held = outlook.held.map { item in
                RetentionPageView.Held(
                    id: item.caseID.hex, reference: CaseReference.of(item.caseID),
                    reason: item.due.map { language["retention_kind_\($0.kind.rawValue)"] },
                    day: item.due.map { time.day($0.goesOn) })
            }
            let policy = retention.schedule.policy
            let flagged = going.filter { $0.flaggedOn.map { $0 <= today } ?? false }.count
            let page = RetentionPageView(
                title: language["retention_title"],
                intro: language.text("retention_intro", ["days": "\(Self.retentionHorizonDays)"]),
                rules: [
                    language.text("retention_rule_report", ["months": "\(policy.reportMonths)"]),
                    language.text("retention_rule_closed", ["years": "\(policy.closedCaseYears)"]),
                    language.text(
                        "retention_rule_unclassified",
                        ["flag": "\(policy.unclassifiedFlagMonths)", "months": "\(policy.unclassifiedMonths)"]),
                    policy.deletionRequestMonths == 1
                        ? language["retention_rule_deletion_one"]
                        : language.text("retention_rule_deletion", ["months": "\(policy.deletionRequestMonths)"]),
                ],
                going: going.map(row), anyGoing: !going.isEmpty,
                held: held, anyHeld: !held.isEmpty,
                flaggedCount: flagged > 0 ? language.text("retention_flagged", ["count": "\(flagged)"]) : nil)
            return base.render("retention", language: language, path: "/retention", session: session, page: page)
        }
    }
}
