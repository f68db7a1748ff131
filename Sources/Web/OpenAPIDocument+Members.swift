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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "422":
                  $ref: "#/components/responses/ValidationFailed"
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

        """#
}
