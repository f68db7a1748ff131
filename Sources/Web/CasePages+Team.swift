import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension CasePages {
    /// `/team`: a lead sees each counsellor's open caseload and deadlines, and sets or ends a
    /// cover (Vertretung) for an absence.
    @Sendable func teamPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.isLead, session.worksCases else { throw AccessError.notFound }
            return try await renderTeam(
                session: session, language: language,
                notice: base.confirmation(request, language, known: ["cover_set", "cover_ended"]))
        }
    }

    func renderTeam(
        session: Session, language: Catalogue, status: HTTPResponse.Status = .ok, notice: String? = nil,
        error: String? = nil
    ) async throws -> Response {
        let team = try await casework.team(for: session)
        let time = PageTime(language: language.code)
        let page = TeamPageView(
            title: language["team_title"], notice: notice, error: error,
            members: team.map { member in
                TeamPageView.Member(
                    username: member.username, role: language["role_\(member.role.rawValue)"], open: String(member.openCases),
                    overdue: String(member.overdue), soon: String(member.dueSoon), hasOverdue: member.overdue > 0,
                    coveredBy: member.coveredBy.map {
                        language.text("team_covered_by", ["cover": $0.cover, "until": time.day($0.until)])
                    },
                    covering: member.covering.isEmpty
                        ? nil
                        : member.covering.map { language.text("team_covering", ["absent": $0.absent, "until": time.day($0.until)]) }.joined(
                            separator: "; "),
                    endable: member.coveredBy == nil ? nil : member.username)
            },
            staff: team.map(\.username),
            today: Day(Date()).iso)
        return base.render("team", status: status, language: language, path: "/team", session: session, page: page)
    }

    /// Sets (`action=set`) or ends (`action=end`) a cover.
    @Sendable func teamForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberForm(request, context) { session, language, form in
            guard session.isLead else { throw AccessError.notFound }
            let absent = MemberPages.trimmed(form, "absent")
            do {
                if form["action"] == "end" {
                    try await casework.endCover(absent: absent, by: session)
                    return base.redirect("/team", language, done: "cover_ended")
                }
                guard let until = Day(iso: MemberPages.trimmed(form, "until")) else {
                    throw FieldError.invalid(field: "until", message: "a date (YYYY-MM-DD) is needed")
                }
                try await casework.setCover(absent: absent, cover: MemberPages.trimmed(form, "cover"), until: until, by: session)
                return base.redirect("/team", language, done: "cover_set")
            } catch let refusal as FieldError {
                let (field, message) = (refusal.field, refusal.message)
                return try await renderTeam(
                    session: session, language: language, status: .unprocessableContent,
                    error: "\(language["case_refused"]) \(fieldLabel(field, language)): \(message)")
            }
        }
    }
}
