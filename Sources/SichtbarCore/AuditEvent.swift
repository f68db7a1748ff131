import Foundation

/// One thing that happened, as the audit chain records it: who, what, to what, when, and never
/// any content. Member events carry the time to the second (UTC); reporter-side events carry
/// only the day, and are appended in a batch once that day is over, so their position in the
/// chain says no more than their day.
public struct AuditEvent: Sendable, Equatable, Codable {
    /// `2026-11-21T09:14:03Z` for member events, `2026-11-21` for reporter-side ones.
    public let at: String
    /// A username, `reporter`, `recovery` or `system`.
    public let actor: String
    /// An `AuditAction` raw value; kept as text so a stored chain is verified as it is.
    public let action: String
    /// A case id, a username, an invitation id, a key version: never content.
    public let subject: String

    public init(at: String, actor: String, action: AuditAction, subject: String) {
        self.init(at: at, actor: actor, actionName: action.rawValue, subject: subject)
    }

    public init(at: String, actor: String, actionName: String, subject: String) {
        self.at = at
        self.actor = actor
        self.action = actionName
        self.subject = subject
    }

    /// An event done by a member (or the command line acting for one) now.
    public static func member(_ actor: String, _ action: AuditAction, _ subject: String = "", at now: Date = Date()) -> AuditEvent {
        AuditEvent(at: timestamp(now), actor: actor, action: action, subject: subject)
    }

    /// A reporter-side event: only its Berlin calendar day is kept.
    public static func reporter(_ action: AuditAction, _ subject: String, on day: Day) -> AuditEvent {
        AuditEvent(at: day.iso, actor: "reporter", action: action, subject: subject)
    }

    /// UTC to the second, as audit events and API answers write times.
    public static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))Z"
    }
}

/// What an audit event records. The raw values are stable: they are hashed into the chain.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case officeCreated = "office.created"
    case officeProfileChanged = "office.profile_changed"
    case officeFallbackSet = "office.fallback_set"
    case officeRecovered = "office.recovered"
    case keyRotationStarted = "office.key_rotation_started"
    case keyRotationFinished = "office.key_rotation_finished"
    case verbandCreated = "verband.created"
    /// Stored data failed an integrity check: a key manifest finding (subject: its code) or a
    /// case's authenticator (subject "case CASEID").
    case integrityAlarm = "integrity.alarm"
    case keyManifestConfirmed = "office.key_manifest_confirmed"
    case verbandKeyConfirmed = "office.verband_key_confirmed"
    case recoveryCodeRenewed = "office.recovery_code_renewed"
    case keyRotationStalled = "office.key_rotation_stalled"
    case verbandKeyRotated = "verband.key_rotated"
    case verbandManifestCreated = "verband.key_manifest_created"
    case login = "session.login"
    case logout = "session.logout"
    case invitationCreated = "invitation.created"
    case invitationRevoked = "invitation.revoked"
    case memberEnrolled = "member.enrolled"
    case memberRemoved = "member.removed"
    case memberRoleChanged = "member.role_changed"
    case coverSet = "member.cover_set"
    case coverEnded = "member.cover_ended"
    case passphraseChanged = "member.passphrase_changed"
    /// A wrong current passphrase on a change: someone holding the session may be guessing.
    case passphraseChangeFailed = "member.passphrase_change_failed"
    case membersViewed = "members.viewed"
    case auditViewed = "audit.viewed"
    case checkpointWritten = "audit.checkpoint_written"
    case caseListViewed = "case.list_viewed"
    case caseViewed = "case.viewed"
    case caseCreated = "case.created"
    case caseTransitioned = "case.transitioned"
    case caseClassified = "case.classified"
    case caseAssigned = "case.assigned"
    case caseDescribed = "case.described"
    case casePartyAdded = "case.party_added"
    /// A printable case file was made: for the office's records or as an access request's answer.
    case caseFilePrinted = "case.file_printed"
    case caseNoteAdded = "case.note_added"
    case caseContactRecorded = "case.contact_recorded"
    case caseDocumentRecorded = "case.document_recorded"
    case caseDocumentRevoked = "case.document_revoked"
    case caseDocumentFileAttached = "case.document_file_attached"
    case caseDocumentFileViewed = "case.document_file_viewed"
    case caseReporterFileViewed = "case.reporter_file_viewed"
    case caseReporterRead = "case.reporter_read"
    case caseEventRecorded = "case.event_recorded"
    case caseFieldsSet = "case.fields_set"
    case caseDeadlineRecorded = "case.deadline_recorded"
    case caseDeadlineOverridden = "case.deadline_overridden"
    case caseDeadlineMissed = "case.deadline_missed"
    case caseMessageSent = "case.message_sent"
    case caseLetterGenerated = "case.letter_generated"
    case caseLetterViewed = "case.letter_viewed"
    case caseLetterSent = "case.letter_sent"
    case caseShredded = "case.shredded"
    case tallyRecorded = "tally.recorded"
    case deadlinesViewed = "deadlines.viewed"
    case releaseFrozen = "release.frozen"
    case releaseViewed = "release.viewed"
    case releaseSent = "release.sent"
    case statisticsPublished = "statistics.published"
    case reportReceived = "report.received"
    case reporterMessageAdded = "report.message_added"
    case reportWithdrawn = "report.withdrawn"
    case withdrawalRequested = "report.withdrawal_requested"
    /// Retention (`system`): a case deleted under `Policies/retention.yaml`, one action per reason.
    case retentionReportShredded = "retention.report_shredded"
    case retentionClosedCaseShredded = "retention.closed_case_shredded"
    case retentionUnclassifiedShredded = "retention.unclassified_shredded"
    case retentionDeletionCarriedOut = "retention.deletion_carried_out"
    /// The classifications of deleted cases in a released year, dropped (subject: "YEAR: N").
    case retentionFacetsDropped = "retention.facets_dropped"
    /// A legal hold (court proceedings pending) set on or lifted from a case.
    case legalHoldSet = "case.legal_hold_set"
    case legalHoldLifted = "case.legal_hold_lifted"
    case retentionViewed = "retention.viewed"
    /// A member set or removed their own notification address (subject "set" or "removed", never the address).
    case notificationAddressSet = "member.notification_address_set"
}
