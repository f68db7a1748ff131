/// The OpenAPI 3.1 description of every route this build serves, answered at `GET /openapi.yaml`.
/// A test checks that every registered route appears here.
enum OpenAPIDocument {
    static let yaml = paths + memberPaths + keyPaths + casePaths + caseFilePaths + releasePaths + statisticsPaths + receivedPaths
        + components + memberComponents
        + caseComponents + releaseComponents + statisticsComponents + responses

    static let paths = #"""
    openapi: 3.1.0
    info:
      title: Sichtbar
      version: 0.1.0
      description: |
        Anonymous reports of discrimination to counselling offices, and the reporter's anonymous
        mailbox. The reporter needs no login: a report is answered with a receipt, and the receipt
        alone opens the mailbox. Nobody, not even the office, can recover a lost receipt.

        Privacy: this service sets no cookie and never stores a client address. Addresses are used
        only in memory, for rate limiting, and are not logged.

        Errors of the JSON API share one body, `{"error": {"code", "message", "field"?}}`
        (schema `Error`). The HTML pages work without JavaScript, carry the language in the URL
        (`?lang=tr`) and protect every form with a hidden single-use token.

        Note on metrics: `GET /metrics` (Prometheus text format, no personal data, no intake
        counters) is served only on the separate metrics port, never on this server, and is
        therefore not listed under `paths`.
    servers:
      - url: /
    tags:
      - name: reporter
        description: The reporter's JSON API (no login, no cookie).
      - name: mailbox
        description: |
          The anonymous mailbox, opened by the receipt. Mailbox answers are padded with trailing
          whitespace to a multiple of 4096 bytes, so that the size of an answer tells an observer
          neither whether a receipt exists nor how much its thread holds.
      - name: operations
        description: Health and this document.
      - name: members
        description: |
          Counsellors, leads and analysts. A session from `POST /api/v1/sessions` is used as a
          bearer token. A route a role does not reach answers `404 not_found`, like a missing or
          foreign object.
      - name: cases
        description: |
          Casework for counsellors and leads of the case's office. Leads open every case of the
          office; counsellors the cases assigned to them, and the others only where the office
          opens cases to the whole team. Everything else answers `404 not_found`, alike.
      - name: statistics
        description: |
          A lead's releases of the office's tables for closed years and quarters (nothing is
          computed over another range), and the Verband's published statistics for its
          analysts: merged across offices, after disclosure control, signed. Every other role
          gets `404 not_found`.
      - name: pages
        description: HTML pages for reporters; they work without JavaScript and set no cookie.
    paths:
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
            Without `office` the report goes to the office serving `region`, else to the first
            office. The receipt in the answer is shown once and stored nowhere. Bodies are limited
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
      /healthz:
        get:
          tags: [operations]
          operationId: health
          summary: Health check
          responses:
            "200":
              description: The service runs and the store is writable.
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
              description: The OpenAPI description of this server.
              content:
                application/yaml:
                  schema:
                    type: string
      /:
        get:
          tags: [pages]
          operationId: reportFormPage
          summary: Report form
          description: |
            Office choice, the report form and a plain-language summary of who can read a report.
          parameters:
            - $ref: "#/components/parameters/Lang"
            - name: office
              in: query
              required: false
              description: The office to preselect (32 hex digits).
              schema:
                type: string
                pattern: "^[0-9a-fA-F]{32}$"
          responses:
            "200":
              $ref: "#/components/responses/Page"
      /receipt:
        get:
          tags: [pages]
          operationId: receiptInfoPage
          summary: About receipts
          parameters:
            - $ref: "#/components/parameters/Lang"
          responses:
            "200":
              $ref: "#/components/responses/Page"
        post:
          tags: [pages]
          operationId: submitReportForm
          summary: Submit the report form
          description: |
            Submits a report from the HTML form and answers with the receipt page. Refused with
            403 when `Sec-Fetch-Site` names another site; browsers that send no `Sec-Fetch-Site`
            rely on the single-use token.
          parameters:
            - $ref: "#/components/parameters/Lang"
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  $ref: "#/components/schemas/ReportForm"
                encoding:
                  grounds:
                    style: form
                    explode: true
          responses:
            "201":
              description: The receipt page; the report is stored.
              content:
                text/html:
                  schema:
                    type: string
            "400":
              description: The form token expired or is invalid; the form is shown again with the values entered.
              content:
                text/html:
                  schema:
                    type: string
            "403":
              $ref: "#/components/responses/CrossSitePage"
            "409":
              $ref: "#/components/responses/AlreadySentPage"
            "413":
              description: The form body or a field is too large.
              content:
                text/html:
                  schema:
                    type: string
                application/json:
                  schema:
                    $ref: "#/components/schemas/Error"
            "422":
              description: The form shown again with the values entered, naming the problem.
              content:
                text/html:
                  schema:
                    type: string
            "429":
              $ref: "#/components/responses/RateLimitedPage"
            "503":
              $ref: "#/components/responses/UnavailablePage"
      /mailbox:
        get:
          tags: [pages]
          operationId: mailboxFormPage
          summary: Mailbox form, asking for the receipt
          parameters:
            - $ref: "#/components/parameters/Lang"
          responses:
            "200":
              $ref: "#/components/responses/Page"
        post:
          tags: [pages]
          operationId: openMailboxForm
          summary: Open the mailbox
          parameters:
            - $ref: "#/components/parameters/Lang"
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  $ref: "#/components/schemas/MailboxForm"
          responses:
            "200":
              description: The mailbox page with status and messages.
              content:
                text/html:
                  schema:
                    type: string
            "400":
              $ref: "#/components/responses/MailboxFormInvalidPage"
            "403":
              $ref: "#/components/responses/CrossSitePage"
            "404":
              $ref: "#/components/responses/ReceiptUnknownPage"
            "409":
              $ref: "#/components/responses/AlreadySentPage"
            "429":
              $ref: "#/components/responses/RateLimitedPage"
            "503":
              $ref: "#/components/responses/UnavailablePage"
      /mailbox/messages:
        post:
          tags: [pages]
          operationId: sendMessageForm
          summary: Send a message from the mailbox page
          parameters:
            - $ref: "#/components/parameters/Lang"
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  $ref: "#/components/schemas/MessageForm"
          responses:
            "201":
              description: The mailbox page with the message sent.
              content:
                text/html:
                  schema:
                    type: string
            "400":
              $ref: "#/components/responses/MailboxFormInvalidPage"
            "403":
              $ref: "#/components/responses/CrossSitePage"
            "404":
              $ref: "#/components/responses/ReceiptUnknownPage"
            "409":
              $ref: "#/components/responses/AlreadySentPage"
            "422":
              description: The mailbox page naming the problem (empty or unacceptable text).
              content:
                text/html:
                  schema:
                    type: string
            "429":
              $ref: "#/components/responses/RateLimitedPage"
            "503":
              $ref: "#/components/responses/UnavailablePage"
      /mailbox/withdraw:
        post:
          tags: [pages]
          operationId: withdrawForm
          summary: Withdraw the report from the mailbox page
          parameters:
            - $ref: "#/components/parameters/Lang"
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                schema:
                  $ref: "#/components/schemas/WithdrawForm"
          responses:
            "200":
              description: A notice that the report was deleted, or that deletion was requested.
              content:
                text/html:
                  schema:
                    type: string
            "400":
              $ref: "#/components/responses/MailboxFormInvalidPage"
            "403":
              $ref: "#/components/responses/CrossSitePage"
            "404":
              $ref: "#/components/responses/ReceiptUnknownPage"
            "409":
              $ref: "#/components/responses/AlreadySentPage"
            "422":
              description: The mailbox page asking to confirm (confirm was not yes).
              content:
                text/html:
                  schema:
                    type: string
            "429":
              $ref: "#/components/responses/RateLimitedPage"
            "503":
              $ref: "#/components/responses/UnavailablePage"
      /offices:
        get:
          tags: [pages]
          operationId: officesPage
          summary: The offices and their data-protection facts
          parameters:
            - $ref: "#/components/parameters/Lang"
          responses:
            "200":
              $ref: "#/components/responses/Page"
      /static/style.css:
        get:
          tags: [pages]
          operationId: stylesheet
          summary: The stylesheet of the pages
          responses:
            "200":
              description: The stylesheet (cacheable for an hour).
              content:
                text/css:
                  schema:
                    type: string
    
    """#

    static let components = #"""
    components:
      parameters:
        Lang:
          name: lang
          in: query
          required: false
          description: The page's language; an unknown or missing code gives German.
          schema:
            $ref: "#/components/schemas/Language"
        CaseID:
          name: id
          in: path
          required: true
          description: The case id (32 hex digits); anything else is as unknown as a missing case.
          schema: {type: string, pattern: "^[0-9a-f]{32}$"}
      schemas:
        Language:
          type: string
          enum: [de, de-x-ls, tr, ar, uk, ru, en]
          description: German, German in plain language (Leichte Sprache), Turkish, Arabic, Ukrainian, Russian, English.
        Day:
          type: string
          format: date
          description: A calendar day, YYYY-MM-DD.
        ReceiptText:
          type: string
          description: |
            A receipt as typed: 20 Crockford base32 symbols. Case, spaces and dashes are
            tolerated, and so are the look-alikes O for 0 and I or L for 1.
          examples: ["7K3M-Q9XD-2HFA-BWN4-E8RT"]
        FormattedReceipt:
          type: string
          description: A receipt as shown, 20 Crockford base32 symbols in five groups of four.
          pattern: "^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$"
          examples: ["7K3M-Q9XD-2HFA-BWN4-E8RT"]
        ReporterStatus:
          type: string
          enum: [eingegangen, in_bearbeitung, abgeschlossen, loeschung_beantragt, geloescht]
        ContactWish:
          type: string
          enum: [mailbox, contact, none]
          description: How the reporter wants to hear back — through the mailbox, by the contact given, or not at all.
        Error:
          type: object
          required: [error]
          properties:
            error:
              type: object
              required: [code, message]
              properties:
                code:
                  type: string
                  enum:
                    - bad_request
                    - validation_failed
                    - unknown_code
                    - too_large
                    - unauthorized
                    - not_found
                    - receipt_malformed
                    - receipt_unknown
                    - transition_forbidden
                    - stale_step
                    - document_missing
                    - case_integrity
                    - rate_limited
                    - unavailable
                    - key_integrity
                message:
                  type: string
                  description: A human-readable explanation.
                field:
                  type: string
                  description: The field the problem is about, when there is one (e.g. `narrative`, `grounds[2]`).
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
          required: [language, narrative, contactWish]
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
              allOf:
                - $ref: "#/components/schemas/Day"
              description: When it happened; not in the future.
            learnedDate:
              allOf:
                - $ref: "#/components/schemas/Day"
              description: When the reporter learned of it; not in the future, not before incidentDate.
            grounds:
              type: array
              maxItems: 12
              description: Codes of the taxonomy facet `ground`; duplicates are dropped.
              items:
                type: string
            area:
              type: string
              description: A code of the taxonomy facet `area`.
            region:
              type: string
              pattern: "^[0-9]{5}$"
              description: The five-digit key of a Kreis.
              examples: ["05913"]
            role:
              type: string
              description: A code of the taxonomy facet `role`.
              examples: [betroffen]
            contactWish:
              $ref: "#/components/schemas/ContactWish"
            contact:
              type: string
              maxLength: 500
              description: How to reach the reporter; required with contactWish `contact` and refused otherwise.
            office:
              type: string
              pattern: "^[0-9a-fA-F]{32}$"
              description: The office to send the report to.
          if:
            required: [contactWish]
            properties:
              contactWish:
                const: contact
          then:
            required: [contact]
        ReportReceipt:
          type: object
          required: [receipt, status]
          properties:
            receipt:
              $ref: "#/components/schemas/FormattedReceipt"
            status:
              type: string
              const: eingegangen
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
          required: [status, messages]
          properties:
            status:
              $ref: "#/components/schemas/ReporterStatus"
            messages:
              type: array
              items:
                $ref: "#/components/schemas/MailboxMessage"
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

    static let responses = #"""
      securitySchemes:
        bearer:
          type: http
          scheme: bearer
          description: The token of `POST /api/v1/sessions`.
        sessionCookie:
          type: apiKey
          in: cookie
          name: __Host-sichtbar-session
          description: The member pages' session cookie (HttpOnly, Secure, SameSite=Strict).
      responses:
        Unauthorized:
          description: unauthorized — wrong username or passphrase (alike), or no valid session.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        NotFound:
          description: not_found — missing, foreign, or not reachable for this role; all alike.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        BadRequest:
          description: bad_request — the body is not valid JSON, not valid UTF-8, or a value has the wrong type.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        TooLarge:
          description: too_large — the body exceeds 128 KiB, or a field exceeds its limit.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        ValidationFailed:
          description: |
            validation_failed — a required member is missing or a value is not acceptable;
            unknown_code — a code is not in the taxonomy (or not a known language, Kreis or office).
            The error names the field.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        RateLimited:
          description: rate_limited — too many requests; wait and try again.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        Unavailable:
          description: unavailable — the store cannot be written; nothing was stored.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        ReceiptMalformed:
          description: |
            receipt_malformed — the receipt is not 20 symbols of the receipt alphabet (padded);
            or bad_request — the body is not valid JSON, not valid UTF-8, or a value has the wrong type.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        ReceiptUnknown:
          description: receipt_unknown — no report is known under this receipt; identical for unknown and withdrawn receipts (padded).
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Error"
        Page:
          description: The page.
          content:
            text/html:
              schema:
                type: string
        CrossSitePage:
          description: The form was sent from another site (Sec-Fetch-Site is cross-site or same-site).
          content:
            text/html:
              schema:
                type: string
        AlreadySentPage:
          description: The same form was already sent (its token was used).
          content:
            text/html:
              schema:
                type: string
        RateLimitedPage:
          description: Too many requests; a notice asks to wait.
          content:
            text/html:
              schema:
                type: string
        UnavailablePage:
          description: The store cannot be written; nothing was stored.
          content:
            text/html:
              schema:
                type: string
        MailboxFormInvalidPage:
          description: The form token expired or is invalid, or the receipt is malformed.
          content:
            text/html:
              schema:
                type: string
        ReceiptUnknownPage:
          description: The mailbox page saying no report is known under this receipt.
          content:
            text/html:
              schema:
                type: string
    """#
}
