extension OpenAPIDocument {
    /// The reporters' JSON API (offices, reports, the mailbox) and the operations routes `/healthz`
    /// and `/openapi.yaml`. None needs a session.
    static let reporterPaths = #"""
          /api/v1/offices:
            get:
              tags: [reporter]
              operationId: listOffices
              summary: The offices reports can go to
              description: |
                Each office's public face: name, city, address, office hours, languages, regions
                served and data-protection facts. Nothing about members or cases.
              responses:
                "200":
                  description: The offices.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/OfficeList"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /api/v1/reports:
            post:
              tags: [reporter]
              operationId: submitReport
              summary: Submit an anonymous report
              description: |
                Without `consent: true` (the reporter's consent to the office's privacy notice,
                `/privacy?office=ID`) nothing is stored: `422` naming `consent`. Without `office` the
                report goes to the office serving `region`, else to the operator's fallback office (the
                only office when there is one); with neither, `422` naming `office`. Only offices whose
                privacy notice is complete take reports. The answer names the office that received the
                report. The receipt in the answer is shown once and stored nowhere. Bodies are limited
                to 128 KiB. As on every JSON route, a body not sent as `application/json` gets `415
                unsupported_media_type`, and a request a browser marks as sent by another site
                (`Sec-Fetch-Site`) gets `403 cross_site`.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/ReportSubmission"
              responses:
                "201":
                  description: The report is stored; keep the receipt.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/ReportReceipt"
                "400":
                  $ref: "#/components/responses/BadRequest"
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "413":
                  $ref: "#/components/responses/TooLarge"
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "429":
                  $ref: "#/components/responses/RateLimited"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /api/v1/mailbox:
            post:
              tags: [mailbox]
              operationId: readMailbox
              summary: Read the mailbox of a receipt
              description: |
                The reporter's status, the message thread and, when asked for, the report as
                submitted. An unknown and a withdrawn receipt answer `404 receipt_unknown` with
                identical bodies. All mailbox answers are padded with trailing whitespace to a
                multiple of 4096 bytes.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/MailboxRequest"
              responses:
                "200":
                  description: The mailbox (padded to a multiple of 4096 bytes).
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/MailboxAnswer"
                "400":
                  $ref: "#/components/responses/ReceiptMalformed"
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "404":
                  $ref: "#/components/responses/ReceiptUnknown"
                "413":
                  $ref: "#/components/responses/TooLarge"
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "429":
                  $ref: "#/components/responses/RateLimited"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /api/v1/mailbox/messages:
            post:
              tags: [mailbox]
              operationId: sendMailboxMessage
              summary: Send a message to the office
              description: |
                Adds a message from the reporter to the thread. The text is trimmed; it must not be
                empty, must not exceed 5000 characters (`413 too_large`) and must hold no control
                characters other than line breaks and tabs. All mailbox answers are padded with
                trailing whitespace to a multiple of 4096 bytes.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/MessageRequest"
              responses:
                "201":
                  description: The message is stored (padded to a multiple of 4096 bytes).
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/MessageSent"
                "400":
                  $ref: "#/components/responses/ReceiptMalformed"
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "404":
                  $ref: "#/components/responses/ReceiptUnknown"
                "413":
                  $ref: "#/components/responses/TooLarge"
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "429":
                  $ref: "#/components/responses/RateLimited"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /api/v1/mailbox/withdraw:
            post:
              tags: [mailbox]
              operationId: withdrawReport
              summary: Withdraw a report
              description: |
                A report no counsellor has touched yet is shredded at once (`geloescht`); otherwise
                deletion is requested and a counsellor confirms it (`loeschung_beantragt`). All
                mailbox answers are padded with trailing whitespace to a multiple of 4096 bytes.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: "#/components/schemas/WithdrawRequest"
              responses:
                "200":
                  description: Withdrawn or deletion requested (padded to a multiple of 4096 bytes).
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/WithdrawAnswer"
                "400":
                  $ref: "#/components/responses/ReceiptMalformed"
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "404":
                  $ref: "#/components/responses/ReceiptUnknown"
                "413":
                  $ref: "#/components/responses/TooLarge"
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "429":
                  $ref: "#/components/responses/RateLimited"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /api/v1/mailbox/files:
            post:
              tags: [mailbox]
              operationId: addEvidenceFile
              summary: Add an evidence file (JPEG, PNG or PDF, at most 10 MiB; at most 5 per report)
              description: |
                `multipart/form-data` with a `receipt` field and one `file` part. The type is read from
                the file's own bytes; camera and GPS data, authors, software, dates and thumbnails are
                removed, and the file is sealed under the mailbox key (the office reads it; the
                mailbox answer lists it). A file whose metadata cannot be removed with certainty is
                refused with `422 validation_failed` naming `file`, another type or an empty file with
                `422 unknown_code`, a sixth file with `413 too_large`; nothing is stored. The file's
                name and the part's Content-Type are not kept. Padded like every mailbox answer.
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [receipt, file]
                      properties:
                        receipt: {$ref: "#/components/schemas/ReceiptText"}
                        file: {type: string, format: binary}
              responses:
                "201":
                  description: Stored (padded to a multiple of 4096 bytes).
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/MessageSent"
                "400":
                  $ref: "#/components/responses/ReceiptMalformed"
                "404":
                  $ref: "#/components/responses/ReceiptUnknown"
                "413":
                  $ref: "#/components/responses/TooLarge"
                "415":
                  description: unsupported_media_type — the body is not multipart/form-data.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "429":
                  $ref: "#/components/responses/RateLimited"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /healthz:
            get:
              tags: [operations]
              operationId: health
              summary: Health check
              responses:
                "200":
                  description: The service runs, the store is writable and its disk has at least 4 MiB free.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Health"
                "503":
                  $ref: "#/components/responses/Unavailable"
          /openapi.yaml:
            get:
              tags: [operations]
              operationId: openAPI
              summary: This document
              responses:
                "200":
                  description: The OpenAPI description of this server, as a YAML mapping.
                  content:
                    application/yaml:
                      schema:
                        type: object
                        required: [openapi, info, paths]

        """#
}
