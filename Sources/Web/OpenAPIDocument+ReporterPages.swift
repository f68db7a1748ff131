extension OpenAPIDocument {
    /// The reporters' HTML pages: the form, the receipt, the mailbox, the offices and the stylesheet.
    static let reporterPagePaths = #"""
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
                  multipart/form-data:
                    schema:
                      $ref: "#/components/schemas/ReportForm"
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
          /mailbox/files:
            post:
              tags: [pages]
              operationId: mailboxFileForm
              summary: Add an evidence file from the mailbox page
              description: |
                `multipart/form-data` with the single-use `token`, the `receipt` and one `file`; the
                mailbox page answers (201 with the file listed, 422 naming the problem, nothing stored).
              parameters:
                - $ref: "#/components/parameters/Lang"
              responses:
                "201":
                  $ref: "#/components/responses/Page"
                "422":
                  $ref: "#/components/responses/Page"
          /privacy:
            get:
              tags: [pages]
              operationId: privacyNoticePage
              summary: An office's full privacy notice
              description: |
                Controller, data-protection officer, purposes, legal basis, recipients, retention,
                rights and the supervisory authority of the office's law. Without `office`, the list
                of offices to choose from; an unknown office, or one whose notice is incomplete,
                answers 404 with that list.
              parameters:
                - $ref: "#/components/parameters/Lang"
                - name: office
                  in: query
                  required: false
                  schema:
                    type: string
                    pattern: "^[0-9a-fA-F]{32}$"
              responses:
                "200":
                  $ref: "#/components/responses/Page"
                "404":
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
}
