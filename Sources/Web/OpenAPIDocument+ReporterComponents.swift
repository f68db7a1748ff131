extension OpenAPIDocument {
    /// Schemas of the reporters' API and forms (under `components.schemas`).
    static let reporterComponents = #"""
            PublicOffice:
              type: object
              required: [id, name, languages, regions, dataProtection]
              properties:
                id:
                  type: string
                  pattern: "^[0-9a-f]{32}$"
                name:
                  type: string
                city:
                  type: string
                address:
                  type: string
                hours:
                  type: string
                  description: Office hours.
                phone:
                  type: string
                email:
                  type: string
                languages:
                  type: array
                  items:
                    type: string
                regions:
                  type: array
                  description: The Kreise the office serves.
                  items:
                    type: object
                    required: [key, name]
                    properties:
                      key:
                        type: string
                        pattern: "^[0-9]{5}$"
                      name:
                        type: string
                dataProtection:
                  type: object
                  properties:
                    controller:
                      type: string
                      description: The controller responsible for the data.
                    law:
                      type: string
                      enum: [dsgvo, kdg, dsg-ekd]
                      description: The data-protection law that applies (DSGVO/BDSG, KDG or DSG-EKD).
                    dpo:
                      type: string
                      description: The data-protection officer.
                    authority:
                      type: string
                      description: The supervisory authority.
            OfficeList:
              type: object
              required: [offices]
              properties:
                offices:
                  type: array
                  items:
                    $ref: "#/components/schemas/PublicOffice"
            ReportSubmission:
              type: object
              required: [language, narrative, contactWish, consent]
              description: |
                Optional text fields that are empty or only whitespace count as absent. Text must
                hold no control characters other than line breaks and tabs.
              properties:
                language:
                  $ref: "#/components/schemas/Language"
                narrative:
                  type: string
                  minLength: 1
                  maxLength: 20000
                  description: What happened, in the reporter's words; trimmed, at most 20000 characters.
                incidentDate:
                  anyOf:
                    - $ref: "#/components/schemas/Day"
                    - type: "null"
                  description: When it happened; not in the future.
                learnedDate:
                  anyOf:
                    - $ref: "#/components/schemas/Day"
                    - type: "null"
                  description: When the reporter learned of it; not in the future, not before incidentDate.
                grounds:
                  type: [array, "null"]
                  maxItems: 12
                  description: Codes of the taxonomy facet `ground`; duplicates are dropped.
                  items:
                    type: string
                area:
                  type: [string, "null"]
                  description: A code of the taxonomy facet `area`.
                region:
                  type: [string, "null"]
                  pattern: "^([0-9]{5})?$"
                  description: The five-digit key of a Kreis; empty, like absent, names none.
                  examples: ["05913"]
                role:
                  type: [string, "null"]
                  description: A code of the taxonomy facet `role`.
                  examples: [betroffen]
                contactWish:
                  $ref: "#/components/schemas/ContactWish"
                contact:
                  type: [string, "null"]
                  maxLength: 500
                  description: How to reach the reporter; required with contactWish `contact` and refused otherwise.
                office:
                  type: [string, "null"]
                  pattern: "^([0-9a-fA-F]{32})?$"
                  description: |
                    The office to send the report to; one that `GET /api/v1/offices` lists. Empty, like
                    absent, sends it to the office serving `region`.
                consent:
                  type: boolean
                  const: true
                  description: The reporter's consent to the office's privacy notice (Art. 9 (2) a DSGVO or the church law's equivalent).
              if:
                required: [contactWish]
                properties:
                  contactWish:
                    const: contact
              then:
                required: [contact]
            ReportReceipt:
              type: object
              required: [receipt, status, office]
              properties:
                receipt:
                  $ref: "#/components/schemas/FormattedReceipt"
                status:
                  type: string
                  const: eingegangen
                office:
                  type: object
                  description: The office that received the report.
                  required: [id, name]
                  properties:
                    id:
                      type: string
                      pattern: "^[0-9a-f]{32}$"
                    name:
                      type: string
                firstResponseBy:
                  allOf:
                    - $ref: "#/components/schemas/Day"
                  description: The day by which the office means to respond (the workflow's first-response deadline).
            ReportContent:
              type: object
              description: The report as submitted; contact details are not part of it.
              required: [language, narrative, grounds, contactWish, submittedOn]
              properties:
                language:
                  $ref: "#/components/schemas/Language"
                narrative:
                  type: string
                incidentDate:
                  $ref: "#/components/schemas/Day"
                learnedDate:
                  $ref: "#/components/schemas/Day"
                grounds:
                  type: array
                  items:
                    type: string
                area:
                  type: string
                region:
                  type: string
                role:
                  type: string
                contactWish:
                  $ref: "#/components/schemas/ContactWish"
                submittedOn:
                  $ref: "#/components/schemas/Day"
            MailboxRequest:
              type: object
              required: [receipt]
              properties:
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
                includeReport:
                  type: boolean
                  default: false
                  description: Also answer the report as submitted.
            MailboxMessage:
              type: object
              required: [from, text, "on"]
              properties:
                from:
                  type: string
                  enum: [office, reporter]
                text:
                  type: string
                "on":
                  $ref: "#/components/schemas/Day"
            MailboxAnswer:
              type: object
              required: [status, messages, files]
              properties:
                status:
                  $ref: "#/components/schemas/ReporterStatus"
                messages:
                  type: array
                  items:
                    $ref: "#/components/schemas/MailboxMessage"
                files:
                  type: array
                  description: The evidence files the reporter sent, after their metadata was stripped.
                  items:
                    type: object
                    required: [type, size, sha256, "on"]
                    properties:
                      type: {type: string, enum: [image/jpeg, image/png, application/pdf]}
                      size: {type: integer, description: Bytes of the stripped file.}
                      sha256: {type: string, description: SHA-256 of the stripped file (hex).}
                      "on": {$ref: "#/components/schemas/Day"}
                report:
                  $ref: "#/components/schemas/ReportContent"
            MessageRequest:
              type: object
              required: [receipt, text]
              properties:
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
                text:
                  type: string
                  minLength: 1
                  maxLength: 5000
            MessageSent:
              type: object
              required: [status]
              properties:
                status:
                  type: string
                  const: sent
            WithdrawRequest:
              type: object
              required: [receipt]
              properties:
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
            WithdrawAnswer:
              type: object
              required: [status]
              properties:
                status:
                  type: string
                  enum: [geloescht, loeschung_beantragt]
            Health:
              type: object
              required: [status]
              properties:
                status:
                  type: string
                  const: ok
                keyRotation:
                  type: string
                  const: stalled
                  description: An office's key rotation failed or has run for over an hour.
                notifications:
                  type: string
                  const: failing
                  description: A notification mail could not be handed to the MTA; it is retried every minute.
            ReportForm:
              type: object
              required: [token, narrative]
              properties:
                token:
                  type: string
                  description: The hidden single-use form token.
                language:
                  $ref: "#/components/schemas/Language"
                narrative:
                  type: string
                incidentDate:
                  $ref: "#/components/schemas/Day"
                learnedDate:
                  $ref: "#/components/schemas/Day"
                grounds:
                  type: array
                  description: Repeated field, one code of the facet `ground` each.
                  items:
                    type: string
                area:
                  type: string
                region:
                  type: string
                role:
                  type: string
                office:
                  type: string
                contactWish:
                  $ref: "#/components/schemas/ContactWish"
                consent:
                  type: string
                  const: "yes"
                  description: The ticked consent box; without it the form comes back with 422.
                files:
                  type: array
                  maxItems: 5
                  description: Evidence files (multipart only), each JPEG, PNG or PDF of at most 10 MiB; stripped of metadata.
                  items:
                    type: string
                    format: binary
                contact:
                  type: string
            MailboxForm:
              type: object
              required: [token, receipt]
              properties:
                token:
                  type: string
                  description: The hidden single-use form token.
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
                includeReport:
                  type: string
                  enum: ["yes"]
                  description: Also show the report as submitted.
            MessageForm:
              type: object
              required: [token, receipt, text]
              properties:
                token:
                  type: string
                  description: The hidden single-use form token.
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
                text:
                  type: string
                  minLength: 1
                  maxLength: 5000
            WithdrawForm:
              type: object
              required: [token, receipt, confirm]
              properties:
                token:
                  type: string
                  description: The hidden single-use form token.
                receipt:
                  $ref: "#/components/schemas/ReceiptText"
                confirm:
                  type: string
                  const: "yes"

        """#
}
