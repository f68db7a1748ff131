import Casework
import Foundation
import Hummingbird
import SichtbarCore

extension CasePages {
    /// `/deadlines`: the legal deadlines apart from the Wiedervorlagen, each with who is
    /// responsible; `?mine=1` shows only the member's own. An overdue legal deadline can be
    /// marked versäumt, with the reason, right here.
    @Sendable func deadlineOverview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.worksCases else { throw AccessError.notFound }
            let mine = request.uri.queryParameters.get("mine") == "1"
            let due = try await casework.dueDeadlines(for: session, mine: mine)
            let words = labels(language)
            func rows(_ entries: [DueDeadline]) -> [DeadlineOverviewView.Row] {
                entries.map { entry in
                    DeadlineOverviewView.Row(
                        url: "/cases/\(entry.item.id.hex)?lang=\(language.code)", reference: entry.item.reference,
                        title: entry.item.title,
                        step: words.step(entry.item.step), label: deadlineLabel(entry.deadline, words), due: entry.deadline.due.iso,
                        dueText: PageTime(language: language.code).day(entry.deadline.due),
                        overdue: entry.deadline.state == .overdue,
                        badge: entry.deadline.state == .overdue ? language["badge_overdue"] : language["badge_soon"],
                        responsible: entry.responsible ?? language["deadline_nobody"],
                        missable: casework.policy.isLegalRule(entry.deadline.rule) && entry.deadline.state == .overdue
                            ? entry.deadline.rule : nil,
                        action: "/cases/\(entry.item.id.hex)/deadline-missed?lang=\(language.code)",
                        formID: "\(entry.item.id.hex.prefix(8))-\(entry.deadline.rule)")
                }
            }
            let legal = due.filter { casework.policy.isLegalRule($0.deadline.rule) }
            let followUps = due.filter { !casework.policy.isLegalRule($0.deadline.rule) }
            let notice = base.confirmation(request, language, known: ["deadline_missed"])
            return base.render(
                "deadlines", language: language, path: "/deadlines", session: session,
                page: DeadlineOverviewView(
                    title: language["deadlines_title"], warnDays: String(casework.policy.warnDays),
                    legal: rows(legal), anyLegal: !legal.isEmpty, followUps: rows(followUps), anyFollowUps: !followUps.isEmpty,
                    overdueCount: String(legal.filter { $0.deadline.state == .overdue }.count),
                    followUpsOverdueCount: String(followUps.filter { $0.deadline.state == .overdue }.count),
                    mine: mine, notice: notice))
        }
    }
}
