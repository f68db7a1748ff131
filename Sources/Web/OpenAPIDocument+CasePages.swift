extension OpenAPIDocument {
    /// The counsellors' case pages: the list, a new case, the tally, a case with its forms, files and
    /// letters, and the deadlines. Same access as the case routes.
    static let casePagePaths = #"""
          /cases:
            get:
              tags: [pages]
              operationId: casesPage
              summary: The case list with filters (step, assigned, due, q), 50 a page (`after`), badges for overdue and due soon, and the Kontakt-ohne-Akte form
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: step, in: query, required: false, schema: {type: string}}, {name: assigned, in: query, required: false, schema: {type: string, enum: [mine, none]}}, {name: due, in: query, required: false, schema: {type: string, enum: [overdue, soon]}}, {name: q, in: query, required: false, schema: {type: string}}, {name: after, in: query, required: false, schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a counsellor or lead.}}
          /cases/new:
            get:
              tags: [pages]
              operationId: newCasePage
              summary: The form to record a phone, walk-in, mail or e-mail case
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a counsellor or lead.}}
            post:
              tags: [pages]
              operationId: newCaseForm
              summary: Records the case (csrf, kind, channel, title, person, minor, contact-*, note); to the case page
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: "Recorded; to /cases/{id}."}, "403": {description: Wrong csrf or another site.}, "422": {description: Refused input; the form again with the reason.}}
          /cases/tally:
            post:
              tags: [pages]
              operationId: tallyForm
              summary: Counts a Kontakt ohne Akte (csrf, channel, ground, referral)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Counted; to /cases.}, "403": {description: Wrong csrf or another site.}, "422": {description: Refused input.}}
          /cases/{id}:
            get:
              tags: [pages]
              operationId: casePage
              summary: The case with timeline, report, both classifications, contacts, documents, deadlines, notes, mailbox, and a form for each allowed transition; audited
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Missing, foreign or not open to this member; alike.}}
          /cases/{id}/{form}:
            post:
              tags: [pages]
              operationId: caseForm
              summary: One form of the case page (csrf and the form's fields)
              parameters:
                - {$ref: "#/components/parameters/Lang"}
                - {$ref: "#/components/parameters/CaseID"}
                - {name: form, in: path, required: true, schema: {type: string, enum: [transition, note, message, contact, document, revocation, event, deadline, deadline-done, classification, assignees, description, letter, fields, deadline-missed, reporter-read, party, legal-hold]}}
              responses: {"303": {description: Done; to the case page (or /cases after deletion).}, "403": {description: Wrong csrf or another site.}, "404": {description: Missing, foreign or not open to this member.}, "409": {description: A refused transition (stale step, forbidden, document missing); the case page with the reason.}, "422": {description: Refused input; the case page with the reason.}}
          /cases/{id}/documents/{document}/file:
            get:
              tags: [pages]
              operationId: documentFileDownload
              summary: The document's scan as an attachment (no-store); audited
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: document, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: The file (image/jpeg, image/png or application/pdf).}, "303": {description: No session.}, "404": {description: Missing, foreign or not open to this member.}}
            post:
              tags: [pages]
              operationId: documentFileUpload
              summary: A scan from the case page (multipart/form-data with csrf and file); metadata stripped, sealed, SHA-256 recorded
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: document, in: path, required: true, schema: {type: string}}]
              responses: {"303": {description: Stored; to the case page.}, "400": {description: Not multipart.}, "403": {description: Wrong csrf or another site.}, "404": {description: Missing, foreign or not open to this member.}, "413": {description: Larger than 10 MiB.}, "422": {description: Empty, not JPEG/PNG/PDF, or damaged; the case page with the reason.}}
          /cases/{id}/reporter-files/{file}:
            get:
              tags: [pages]
              operationId: reporterFileDownload
              summary: An evidence file the reporter sent, as an attachment (no-store); audited
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: file, in: path, required: true, schema: {type: string}}]
              responses: {"200": {description: The file (image/jpeg, image/png or application/pdf).}, "303": {description: No session.}, "404": {description: Missing, foreign or not open to this member.}}
          /cases/{id}/letters/{letter}:
            get:
              tags: [pages]
              operationId: letterPage
              summary: A letter of the case as a printable page; audited
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: letter, in: path, required: true, schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Missing, foreign or not open to this member.}}
          /deadlines:
            get:
              tags: [pages]
              operationId: deadlinesPage
              summary: Overdue deadlines and those ending within the warning days, from every case the member may open; audited
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a counsellor or lead.}}
          /cases/{id}/letters/{letter}/edit:
            get:
              tags: [pages]
              operationId: letterEditPage
              summary: A draft letter as editable text, to save as the letter that was sent (a sent letter redirects to its page)
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: letter, in: path, required: true, schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session, or the letter was sent already.}, "404": {description: Missing, foreign or not open to this member.}}
          /cases/{id}/letters/{letter}/sent:
            post:
              tags: [pages]
              operationId: letterSaveSent
              summary: Saves the edited text (csrf, text, sentOn) as the sent letter, sealed and immutable; refused while a [[ placeholder ]] is left; audited
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: letter, in: path, required: true, schema: {type: string}}]
              responses: {"303": {description: Saved; to the sent letter.}, "403": {description: Wrong csrf or another site.}, "404": {description: Missing, foreign or not open to this member.}, "422": {description: Refused (a placeholder left, a future date, sent already); the form with the text as typed.}}
          /cases/{id}/print:
            get:
              tags: [pages]
              operationId: caseFilePage
              summary: A printable case file — `purpose=akte` everything for the office, `purpose=auskunft` the answer to an access request (Art. 15 DSGVO) without third parties' data and internal notes unless marked shareable; audited as case.file_printed
              parameters: [{$ref: "#/components/parameters/Lang"}, {$ref: "#/components/parameters/CaseID"}, {name: purpose, in: query, required: false, schema: {type: string, enum: [akte, auskunft]}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Missing, foreign or not open to this member.}}
          /team:
            get:
              tags: [pages]
              operationId: teamPage
              summary: For leads, each member's open caseload and deadlines, and the covers (Vertretungen)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead.}}
            post:
              tags: [pages]
              operationId: teamForm
              summary: Sets (action=set, absent, cover, until) or ends (action=end, absent) a cover; audited
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Done; to /team.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead.}, "422": {description: Refused; the team page with the reason.}}
          /retention:
            get:
              tags: [pages]
              operationId: retentionPage
              summary: For leads, what the retention policy deletes in the next 60 days, the flagged unclassified reports, and the cases on legal hold (set on the case page, form legal-hold with hold=on or off); audited as retention.viewed
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead.}}

        """#
}
