import Foundation
import Members
import SichtbarCore

/// One member of the office as the team page shows them: their open caseload and deadlines,
/// and whom they cover or who covers them.
public struct TeamMember: Sendable, Equatable {
    public let username: String
    public let role: MemberRole
    /// Open cases (not in a closed or final step) the member is in charge of (`beratung`) or works on.
    public let openCases: Int
    public let overdue: Int
    public let dueSoon: Int
    /// Their cover while they are away, if one is set.
    public let coveredBy: MemberCover?
    /// Whom they cover.
    public let covering: [MemberCover]
}

extension CaseworkService {
    /// The team of the lead's office: each counsellor's and lead's open caseload and deadlines
    /// (overdue, due within the warning days) and the covers. Leads only; viewing is audited.
    public func team(for session: Session) async throws -> [TeamMember] {
        let officeID = try officeID(of: session)
        guard session.isLead else { throw AccessError.notFound }
        let today = Day(now())
        let closed = policy.steps.filter { $0.isClosed || $0.isFinal }.map(\.code)
        let covers = try await store.covers(officeID: officeID)
        try await members.record(session, .membersViewed, "team")
        var result: [TeamMember] = []
        for member in try await members.store.members(officeID: officeID) where member.role == .counsellor || member.role == .lead {
            var query = CaseQuery(officeID: officeID, assignedTo: [member.id])
            query.excludedSteps = closed
            let open = try await store.countCases(query)
            query.due = .overdue(today: today)
            let overdue = try await store.countCases(query)
            query.due = .until(today.adding(days: policy.warnDays))
            let soon = try await store.countCases(query) - overdue
            result.append(
                TeamMember(
                    username: member.username, role: member.role, openCases: open, overdue: overdue, dueSoon: soon,
                    coveredBy: covers.first { $0.absentID == member.id }, covering: covers.filter { $0.coverID == member.id }))
        }
        return result.sorted { $0.username < $1.username }
    }

    /// Sets a cover: while `absent` is away (today to `until`), `cover` sees and works their
    /// cases. Leads only; both must work cases in the office; audited with both names.
    public func setCover(absent: String, cover: String, until: Day, by session: Session) async throws {
        let officeID = try officeID(of: session)
        guard session.isLead else { throw AccessError.notFound }
        let today = Day(now())
        let staff = try await members.store.members(officeID: officeID).filter { $0.role == .counsellor || $0.role == .lead }
        guard let away = staff.first(where: { $0.username == absent }) else {
            throw FieldError.invalid(field: "absent", message: "'\(absent)' is not a counsellor or lead of this office")
        }
        guard let stand = staff.first(where: { $0.username == cover }) else {
            throw FieldError.invalid(field: "cover", message: "'\(cover)' is not a counsellor or lead of this office")
        }
        guard away.id != stand.id else { throw FieldError.invalid(field: "cover", message: "a member cannot cover themselves") }
        guard until >= today else { throw FieldError.invalid(field: "until", message: "the cover must last until today or later") }
        guard until <= today.adding(days: 366) else { throw FieldError.invalid(field: "until", message: "a cover lasts at most a year") }
        try await store.setCover(
            MemberCover(absentID: away.id, absent: away.username, coverID: stand.id, cover: stand.username, from: today, until: until),
            officeID: officeID,
            audit: .member(session.username, .coverSet, "\(away.username) \(stand.username) \(until.iso)", at: now()))
    }

    /// Ends an absent member's cover before its day. Leads only; audited.
    public func endCover(absent: String, by session: Session) async throws {
        let officeID = try officeID(of: session)
        guard session.isLead else { throw AccessError.notFound }
        guard let away = try await members.store.members(officeID: officeID).first(where: { $0.username == absent }) else {
            throw FieldError.invalid(field: "absent", message: "'\(absent)' is not a member of this office")
        }
        do {
            try await store.endCover(
                absentID: away.id, officeID: officeID, audit: .member(session.username, .coverEnded, away.username, at: now()))
        } catch CaseFileStoreError.notFound {
            throw FieldError.invalid(field: "absent", message: "'\(absent)' has no cover")
        }
    }
}
