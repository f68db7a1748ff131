import Casework
import Foundation
import Hummingbird
import Intake
import Members
import Sealing
import SichtbarCore

extension MemberPages {
    /// What an enrolment form shows again after a refusal: never the passphrases.
    typealias EnrolInput = (invitation: String, username: String)

    @Sendable func enrolForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        return enrolPage(language, status: .ok, input: ("", ""))
    }

    /// The invitation token travels only in the form body, never in a URL, so it reaches no
    /// history, log or referrer. Each refusal names its field; the passphrases are checked for
    /// equality here, everything else by the member service.
    @Sendable func enrol(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.memberLanguage(of: request)
        let back = (path: "/enrol", label: "enrol_back")
        if Self.isCrossSite(request) { return notice(language, "cross_site_member", status: .forbidden, link: back) }
        let form = try await formFields(request)
        let input: EnrolInput = (Self.trimmed(form, "invitation"), Self.trimmed(form, "username"))
        switch services.tokens.redeem(form["token"], for: .enrol) {
        case .valid:
            break
        case .alreadyUsed:
            return notice(language, "enrol_already_sent", status: .conflict, link: ("/login", "login_back"))
        case .expired, .invalid:
            return enrolPage(language, status: .badRequest, input: input, error: (nil, language["login_form_expired"]))
        }
        let passphrase = form["passphrase"] ?? ""
        func refuse(_ field: String, _ key: String) -> Response {
            enrolPage(language, status: .unprocessableContent, input: input, error: (field, language[key]))
        }
        if input.invitation.isEmpty { return refuse("invitation", "enrol_error_invitation_missing") }
        if (try? MemberService.checkUsername(input.username)) == nil { return refuse("username", "enrol_error_username_format") }
        if passphrase.isEmpty || passphrase.utf8.count > 1024 { return refuse("passphrase", "error_passphrase_rules") }
        if passphrase != form["passphrase_repeat"] { return refuse("passphrase_repeat", "error_passphrase_mismatch") }
        do {
            let (member, code) = try await members.enrolMember(
                invitation: input.invitation, username: input.username,
                passphrase: SecureBytes(utf8: passphrase))
            // An office's first lead sees the office's recovery code on this no-store answer, once.
            let enrolled = EnrolView.Enrolled(
                username: member.username, role: language["role_\(member.role.rawValue)"], recoveryCode: code?.formatted)
            return render(
                "enrol", status: .created, language: language, path: "/enrol", session: nil,
                page: EnrolView(
                    title: language["enrol_done_title"], token: nil, values: nil, error: nil, invalid: nil, enrolled: enrolled))
        } catch let refusal as FieldError {
            switch refusal.field {
            case "invitation": return refuse("invitation", "enrol_error_invitation")
            // The format was checked above, so the service refuses a username only when it is taken.
            case "username": return refuse("username", "enrol_error_username_taken")
            default: return refuse("passphrase", "error_passphrase_rules")
            }
        } catch let error as AccessError {
            return refusal(error, language, link: back)
        } catch is StoreError {
            return notice(language, "member_unavailable", status: .serviceUnavailable, link: back)
        }
    }

    func enrolPage(
        _ language: Catalogue, status: HTTPResponse.Status, input: EnrolInput,
        error: (field: String?, text: String)? = nil
    ) -> Response {
        let page = EnrolView(
            title: language["enrol_title"], token: services.tokens.issue(.enrol),
            values: EnrolView.Values(invitation: input.invitation, username: input.username),
            error: error.map { EnrolView.Problem(text: $0.text, field: $0.field) },
            invalid: error?.field.map { [$0: true] }, enrolled: nil)
        return render("enrol", status: status, language: language, path: "/enrol", session: nil, page: page)
    }
}
