extension OpenAPIDocument {
    /// The members' HTML pages: login, enrolment, account, the members page and its forms, the audit.
    static let memberPagePaths = #"""
          /login:
            get:
              tags: [pages]
              operationId: loginPage
              summary: Member login form (a logged-in member is sent on with 303)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: Already logged in; to /members (leads) or /account.}}
            post:
              tags: [pages]
              operationId: loginForm
              summary: Log in; sets `__Host-sichtbar-session` (Path=/; Secure; HttpOnly; SameSite=Strict)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object, required: [token, username, passphrase], properties: {token: {type: string}, username: {type: string}, passphrase: {type: string}}}}}}
              responses:
                "303": {description: Logged in; to /members (leads) or /account (counsellors, analysts).}
                "400": {description: The single-use form token is missing, expired or used; the form again.}
                "401": {description: Wrong username or passphrase, one page for both.}
                "403": {description: Sent from another site.}
                "429": {description: Too many attempts for this username or from this address just now; the form again with the reason.}
                "503": {description: Too many logins at once, or the store cannot write.}
          /logout:
            post:
              tags: [pages]
              operationId: logoutForm
              summary: Ends the session and drops the cookie (Max-Age=0)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: To /login.}, "403": {description: Wrong csrf or another site.}}
          /enrol:
            get:
              tags: [pages]
              operationId: enrolPage
              summary: Enrolment form (invitation, username, passphrase twice)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}}
            post:
              tags: [pages]
              operationId: enrolForm
              summary: Enrols with an invitation; the invitation travels only in the body
              parameters: [{$ref: "#/components/parameters/Lang"}]
              requestBody: {required: true, content: {application/x-www-form-urlencoded: {schema: {type: object, required: [token, invitation, username, passphrase, passphrase_repeat], properties: {token: {type: string}, invitation: {type: string}, username: {type: string}, passphrase: {type: string}, passphrase_repeat: {type: string}}}}}}
              responses:
                "201": {description: Enrolled; a page saying to log in.}
                "400": {description: The form token is missing or expired.}
                "403": {description: Sent from another site.}
                "409": {description: The form was already sent.}
                "422": {description: The form again, naming the field (invitation, username, passphrase, passphrase_repeat).}
                "503": {description: Busy or the store cannot write.}
          /account:
            get:
              tags: [pages]
              operationId: accountPage
              summary: Who is logged in; passphrase change and logout forms
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session; to /login.}}
          /account/passphrase:
            post:
              tags: [pages]
              operationId: changePassphraseForm
              summary: Changes the own passphrase (csrf, current, new, repeat)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Changed; to /account.}, "403": {description: Wrong csrf or another site.}, "422": {description: The page naming the field.}}
          /account/notify:
            post:
              tags: [pages]
              operationId: notificationAddressForm
              summary: Sets (notify=ADDRESS) or removes (notify empty) the counsellor's or lead's own notification address; mails say only that something waits; audited without the address
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Saved; to /account.}, "403": {description: Wrong csrf or another site.}, "404": {description: Analysts have none.}, "422": {description: Not a plain e-mail address; the page naming the field.}}
          /members:
            get:
              tags: [pages]
              operationId: membersPage
              summary: The office's members (leads) or the Verband's analysts (analysts), invitations, key rotation
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead or analyst.}}
          /members/invite:
            post:
              tags: [pages]
              operationId: inviteForm
              summary: Creates an invitation (csrf, role) and shows its token once
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"201": {description: The members page with the new invitation and its expiry.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead or analyst.}, "422": {description: Unknown role.}}
          /members/revoke:
            post:
              tags: [pages]
              operationId: revokeInvitationForm
              summary: Revokes a pending invitation (csrf, reference)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Revoked; to /members.}, "403": {description: Wrong csrf or another site.}, "404": {description: Unknown invitation or not a lead or analyst.}}
          /members/role:
            post:
              tags: [pages]
              operationId: changeRoleForm
              summary: Changes a member's role (csrf, username, role lead|counsellor)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Changed; to /members.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead, or no such member.}, "422": {description: Unknown role, or the last lead.}}
          /members/remove:
            post:
              tags: [pages]
              operationId: removeMemberForm
              summary: Removes a member (csrf, username, confirm=yes) and starts the office key rotation
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Removed; to /members with the rotation status.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead or analyst, or no such member.}, "422": {description: Not confirmed, or the last lead.}}
          /audit:
            get:
              tags: [pages]
              operationId: auditPage
              summary: The office's audit events, 50 a page (`from` = first sequence number; none = newest page)
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: from, in: query, required: false, schema: {type: integer, minimum: 1}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead.}}
          /audit/checkpoint:
            get:
              tags: [pages]
              operationId: auditCheckpointDownload
              summary: The signed chain head as a JSON attachment (Content-Disposition attachment; filename=sichtbar-checkpoint-….json)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {description: The checkpoint file., content: {application/json: {schema: {type: object}}}}, "303": {description: No session.}, "404": {description: Not a lead.}}

        """#
}
