/// The OpenAPI 3.1 description of every route this build serves, answered at `GET /openapi.yaml`.
/// A test checks that every registered route appears here. The parts live in
/// `OpenAPIDocument+*.swift`, one per group of routes, and are joined here in document order.
enum OpenAPIDocument {
    static let yaml =
        head + reporterPaths + reporterPagePaths + memberPaths + memberPagePaths + keyPaths
        + casePaths + casePagePaths + caseFilePaths + releasePaths + statisticsPaths + receivedPaths
        + components + reporterComponents + memberComponents
        + caseComponents + releaseComponents + statisticsComponents + responses

    /// The head of the document: version, info, servers, tags, and the opening of `paths`.
    static let head = #"""
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

        """#

    /// The opening of `components`: the shared parameters and the schemas every part uses.
    static let components = #"""
        components:
          parameters:
            Lang:
              name: lang
              in: query
              required: false
              description: |
                The page's language: de, de-x-ls, tr, ar, uk, ru or en. Any other value, or none, gives
                the browser's language where it is one of these, else German; a stale link never fails.
              schema: {type: string}
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
              pattern: "^(19[0-9]{2}|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}$"
              description: A calendar day, YYYY-MM-DD, in the years 1900 to 9999 (the legal calendar's range).
            ReceiptText:
              type: string
              description: |
                A receipt as typed: 20 Crockford base32 symbols. Case, spaces and dashes are
                tolerated, and so are the look-alikes O for 0 and I or L for 1.
              pattern: '^[ \t\u2010\u2011\u2013-]*(?:[0-9A-TV-Za-tv-z][ \t\u2010\u2011\u2013-]*){20}$'
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
                        - field_mismatch
                        - document_unfit
                        - case_integrity
                        - rate_limited
                        - unavailable
                        - key_integrity
                        - unsupported_media_type
                        - cross_site
                        - internal
                    message:
                      type: string
                      description: A human-readable explanation.
                    field:
                      type: string
                      description: The field the problem is about, when there is one (e.g. `narrative`, `grounds[2]`).

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
            UnsupportedMediaType:
              description: unsupported_media_type — the body is not sent as the media type this route takes; nothing was stored.
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
