extension OpenAPIDocument {
    /// The members' API: sessions, invitations, enrolment, members, passphrase, rotation, audit.
    static let memberPaths = #"""
      /api/v1/sessions:
        post:
          tags: [members]
          operationId: login
          summary: Log in
          description: |
            Checks the passphrase with Argon2id (on its own pool of at most two at once, with a
            short queue; beyond it `503`). A wrong username and a wrong passphrase answer alike,
            after the same work. One attempt per username is checked at a time and counts as
            failed before its hash runs; after a failure the next one waits a doubling delay (no
            lockout). An attempt that would have to wait a second time, or whose client address
            (an IPv6 address by its /64) has used up its failed logins, answers `429` without a
            hash, for unknown usernames alike. The token is kept only as a hash; the session holds
            the member's unwrapped keys in memory and ends on logout, after the idle timeout, or
            with the process.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/LoginRequest"
          responses:
            "201":
              description: Logged in.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/SessionAnswer"
            "400":
              $ref: "#/components/responses/BadRequest"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "422":
              $ref: "#/components/responses/ValidationFailed"
            "429":
              $ref: "#/components/responses/RateLimited"
            "503":
              $ref: "#/components/responses/Unavailable"
        delete:
          tags: [members]
          operationId: logout
          summary: Log out (ends the session and drops its keys)
          security: [{bearer: []}]
          responses:
            "204":
              description: Logged out.
            "401":
              $ref: "#/components/responses/Unauthorized"
      /api/v1/enrolment:
        post:
          tags: [members]
          operationId: enrol
          summary: Enrol with a one-time invitation, choosing username and passphrase
          description: |
            The passphrase needs at least 12 characters, five different ones, must not contain
            the username and must not be on the deny-list. The invitation is used up.
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  $ref: "#/components/schemas/EnrolRequest"
          responses:
            "201":
              description: Enrolled.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/MemberAnswer"
            "400":
              $ref: "#/components/responses/BadRequest"
            "422":
              $ref: "#/components/responses/ValidationFailed"
            "503":
              $ref: "#/components/responses/Unavailable"
      /api/v1/invitations:
        post:
          tags: [members]
          operationId: invite
          summary: Invite a counsellor or lead (leads), or an analyst (analysts)
          description: Valid 72 hours, once. The token is shown only in this answer.
          security: [{bearer: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [role]
                  properties:
                    role:
                      $ref: "#/components/schemas/Role"
          responses:
            "201":
              description: The invitation.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/InvitationAnswer"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
            "422":
              $ref: "#/components/responses/ValidationFailed"
        get:
          tags: [members]
          operationId: listInvitations
          summary: Pending invitations of the lead's office
          security: [{bearer: []}]
          responses:
            "200":
              description: Pending invitations (never their tokens).
              content:
                application/json:
                  schema:
                    type: object
                    required: [invitations]
                    properties:
                      invitations:
                        type: array
                        items:
                          type: object
                          required: [reference, role, expires]
                          properties:
                            reference: {type: string}
                            role: {$ref: "#/components/schemas/Role"}
                            expires: {type: string, format: date-time}
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
      /api/v1/invitations/{reference}:
        delete:
          tags: [members]
          operationId: revokeInvitation
          summary: Revoke a pending invitation
          security: [{bearer: []}]
          parameters:
            - {name: reference, in: path, required: true, schema: {type: string}}
          responses:
            "204":
              description: Revoked.
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
      /api/v1/members:
        get:
          tags: [members]
          operationId: listMembers
          summary: The members of the lead's office (analysts — the Verband's analysts) and any running key rotation
          security: [{bearer: []}]
          responses:
            "200":
              description: Members.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/MemberList"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
      /api/v1/members/{username}:
        delete:
          tags: [members]
          operationId: removeMember
          summary: Remove a member; starts the office key rotation
          description: |
            The member's wrapped key and seals are deleted, their sessions end, and a new office
            key pair and statistics key are sealed to every remaining member; every case's keys
            are re-sealed in the background. The last lead cannot be removed.
          security: [{bearer: []}]
          parameters:
            - {name: username, in: path, required: true, schema: {type: string}}
          responses:
            "200":
              description: Removed; the rotation that started.
              content:
                application/json:
                  schema:
                    type: object
                    required: [removed]
                    properties:
                      removed: {type: string}
                      rotation: {$ref: "#/components/schemas/Rotation"}
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
            "422":
              $ref: "#/components/responses/ValidationFailed"
        patch:
          tags: [members]
          operationId: changeRole
          summary: Make a member a lead or a counsellor (the last lead stays a lead)
          security: [{bearer: []}]
          parameters:
            - {name: username, in: path, required: true, schema: {type: string}}
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [role]
                  properties:
                    role: {type: string, enum: [counsellor, lead]}
          responses:
            "200":
              description: The new role.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/MemberItem"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
            "422":
              $ref: "#/components/responses/ValidationFailed"
      /api/v1/passphrase:
        post:
          tags: [members]
          operationId: changePassphrase
          summary: Change one's own passphrase (the key pair stays; only its wrap changes)
          description: |
            The current passphrase is checked like a login (same throttle, `429` alike); a wrong
            one is recorded in the audit chain as `member.passphrase_change_failed`. A change ends
            every other session of the member; the one that made it goes on.
          security: [{bearer: []}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [current, new]
                  properties:
                    current: {type: string}
                    new: {type: string}
          responses:
            "204":
              description: Changed.
            "401":
              $ref: "#/components/responses/Unauthorized"
            "422":
              $ref: "#/components/responses/ValidationFailed"
            "429":
              $ref: "#/components/responses/RateLimited"
      /api/v1/rotation:
        get:
          tags: [members]
          operationId: rotationStatus
          summary: The running key rotation of the lead's office, if any
          security: [{bearer: []}]
          responses:
            "200":
              description: The rotation, or none.
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      rotation: {$ref: "#/components/schemas/Rotation"}
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
      /api/v1/audit:
        get:
          tags: [members]
          operationId: auditEvents
          summary: The office's audit chain (leads); reading it is itself recorded
          security: [{bearer: []}]
          parameters:
            - {name: from, in: query, required: false, schema: {type: integer, minimum: 1}}
            - {name: limit, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 500}}
            - {name: case, in: query, required: false, description: Only events about this case id (or username)., schema: {type: string}}
          responses:
            "200":
              description: Events, oldest first.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/AuditPage"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
      /api/v1/audit/checkpoint:
        get:
          tags: [members]
          operationId: auditCheckpoint
          summary: The signed head of the office's chain, to keep outside the server
          description: Give it to `sichtbar audit verify --anchor FILE` later; deleting newer events is then caught.
          security: [{bearer: []}]
          responses:
            "200":
              description: The checkpoint.
              content:
                application/json:
                  schema:
                    $ref: "#/components/schemas/AuditCheckpoint"
            "401":
              $ref: "#/components/responses/Unauthorized"
            "404":
              $ref: "#/components/responses/NotFound"
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

    /// Schemas and security schemes of the members' API (under `components`).
    static let memberComponents = #"""
        Role:
          type: string
          enum: [counsellor, lead, analyst]
        LoginRequest:
          type: object
          required: [username, passphrase]
          properties:
            username: {type: string}
            passphrase: {type: string, maxLength: 1024}
        SessionAnswer:
          type: object
          required: [token, role]
          properties:
            token: {type: string, description: "Send as `Authorization: Bearer TOKEN`."}
            role: {$ref: "#/components/schemas/Role"}
            office: {type: string, description: Absent for analysts.}
        EnrolRequest:
          type: object
          required: [invitation, username, passphrase]
          properties:
            invitation: {type: string}
            username: {type: string, pattern: "^[a-z0-9._-]{3,64}$"}
            passphrase: {type: string, minLength: 12, maxLength: 1024}
        MemberAnswer:
          type: object
          required: [username, role]
          properties:
            username: {type: string}
            role: {$ref: "#/components/schemas/Role"}
            office: {type: string}
            recoveryCode:
              type: string
              description: Only for an office's first lead, once; the office's recovery code.
        InvitationAnswer:
          type: object
          required: [invitation, expires]
          properties:
            invitation: {type: string}
            expires: {type: string, format: date-time}
        MemberItem:
          type: object
          required: [username, role]
          properties:
            username: {type: string}
            role: {$ref: "#/components/schemas/Role"}
        MemberList:
          type: object
          required: [members]
          properties:
            members:
              type: array
              items: {$ref: "#/components/schemas/MemberItem"}
            rotation: {$ref: "#/components/schemas/Rotation"}
        Rotation:
          type: object
          required: [fromVersion, toVersion, remaining, startedAt, startedBy]
          properties:
            fromVersion: {type: integer}
            toVersion: {type: integer}
            remaining: {type: integer, description: Cases still sealed to an older key.}
            startedAt: {type: string, format: date-time}
            startedBy: {type: string}
        AuditPage:
          type: object
          required: [events]
          properties:
            events:
              type: array
              items:
                type: object
                required: [sequence, at, actor, action, subject, hash]
                properties:
                  sequence: {type: integer}
                  at: {type: string, description: "UTC time to the second; reporter-side events only the day."}
                  actor: {type: string}
                  action: {type: string}
                  subject: {type: string}
                  hash: {type: string, description: Base64 of the chain hash.}
            next: {type: integer}
        AuditCheckpoint:
          type: object
          required: [chain, sequence, hash, signature, key, writtenAt]
          properties:
            chain: {type: string}
            sequence: {type: integer}
            hash: {type: string}
            signature: {type: string, description: Ed25519 over the chain head, base64.}
            key: {type: string, description: The server signing key, base64.}
            writtenAt: {type: string, format: date-time}

    """#
}
