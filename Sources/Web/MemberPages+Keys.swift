import Casework
import Foundation
import Hummingbird
import Members
import SichtbarCore

extension MemberPages {
    /// A lead confirms the keys of an office without a manifest, after checking the fingerprints.
    @Sendable func confirmKeys(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard session.isLead else { throw AccessError.notFound }
            guard form["confirm"] == "yes" else {
                return try await membersPage(session, language, status: .unprocessableContent, error: language["keys_error_confirm"])
            }
            do {
                try await members.confirmKeys(by: session)
            } catch let refusal as FieldError {
                let message = refusal.message
                return try await membersPage(session, language, status: .unprocessableContent, error: message)
            }
            return redirect("/members", language, done: "keys_confirmed")
        }
    }

    /// A lead pins the server's Verband key by typing the fingerprint the Verband gave them.
    @Sendable func confirmVerbandKey(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard session.isLead else { throw AccessError.notFound }
            do {
                try await members.confirmVerbandKey(fingerprint: form["fingerprint"] ?? "", by: session)
            } catch is FieldError {
                return try await membersPage(
                    session, language, status: .unprocessableContent,
                    error: language["keys_verband_mismatch"])
            }
            return redirect("/members", language, done: "verband_confirmed")
        }
    }

    /// A new recovery code, shown on this `no-store` answer only.
    @Sendable func renewRecoveryCode(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard session.isLead else { throw AccessError.notFound }
            guard form["confirm"] == "yes" else {
                return try await membersPage(session, language, status: .unprocessableContent, error: language["keys_error_confirm"])
            }
            let code: String
            do {
                code = try await members.renewRecoveryCode(by: session).formatted
            } catch let refusal as FieldError {
                let message = refusal.message
                return try await membersPage(session, language, status: .unprocessableContent, error: message)
            }
            return try await membersPage(session, language, status: .created, recoveryCode: code)
        }
    }

    /// A key check finding in the page's language: the code's first word picks the sentence, the
    /// rest (a username or case id) follows it.
    static func keyProblemText(_ code: String, _ language: Catalogue) -> String {
        let parts = code.split(separator: " ", maxSplits: 1).map(String.init)
        let sentence = language.strings["key_problem_\(parts[0])"] ?? code
        return parts.count > 1 ? "\(sentence) \(parts[1])" : sentence
    }

    /// Fingerprints and findings, as the members page shows them to a lead.
    static func keyCheck(_ report: KeyIntegrityReport, _ language: Catalogue) -> MembersView.KeyCheck {
        let listed = Dictionary(report.manifest?.members.map { ($0.memberID, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        return MembersView.KeyCheck(
            intact: report.isIntact,
            problems: report.problems.map { keyProblemText($0.code, language) },
            canConfirm: report.canConfirmManifest,
            officeKey: KeyFingerprint.of(report.office.publicKey),
            recoveryKey: report.recoveryKey.map(KeyFingerprint.of) ?? "–",
            memberKeys: report.members.sorted { $0.username < $1.username }.map { member in
                MembersView.MemberKey(
                    username: member.username, fingerprint: KeyFingerprint.of(member.publicKey),
                    listed: listed[member.id]?.publicKey == member.publicKey)
            },
            verbandPinned: report.pinnedVerbandKey.map(KeyFingerprint.of) ?? language["keys_verband_none"],
            verbandNeedsConfirmation: report.verbandKeyNeedsConfirmation,
            verbandServer: report.serverVerbandKey.map(KeyFingerprint.of))
    }
}
