extension OpenAPIDocument {
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
