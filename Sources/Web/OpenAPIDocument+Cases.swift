extension OpenAPIDocument {
    /// The counsellors' case routes. Every one needs a session of a counsellor or lead of the
    /// case's office who may open the case; anything else is `404 not_found`, alike.
    static let casePaths = #"""
      /api/v1/cases:
        get:
          tags: [cases]
          operationId: listCases
          summary: The cases this member may open, newest first, at most 100 a page; viewing is audited
          security: [{bearer: []}]
          parameters:
            - {name: step, in: query, required: false, schema: {type: string}}
            - {name: assigned, in: query, required: false, schema: {type: string, enum: [mine, none]}}
            - {name: due, in: query, required: false, description: "overdue, or due within the warning days (14)", schema: {type: string, enum: [overdue, soon]}}
            - {name: q, in: query, required: false, description: A case reference (or its start) or a category code of the counsellor's classification., schema: {type: string}}
            - {name: after, in: query, required: false, description: The `next` of the previous page., schema: {type: string}}
            - {name: limit, in: query, required: false, schema: {type: integer, minimum: 1, maximum: 100}}
          responses:
            "200":
              description: A page of cases.
              content: {application/json: {schema: {$ref: "#/components/schemas/CaseList"}}}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "422": {$ref: "#/components/responses/ValidationFailed"}
        post:
          tags: [cases]
          operationId: createCase
          summary: Record a phone, walk-in, mail or e-mail case; with kind `kontakt_ohne_akte` only a tally is counted
          security: [{bearer: []}]
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/NewCase"}}}
          responses:
            "201":
              description: "The case (`id`, `reference`), or `{\"counted\": true}` for a tally."
              content: {application/json: {schema: {type: object, properties: {id: {type: string}, reference: {type: string}, counted: {type: boolean}}}}}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "422": {$ref: "#/components/responses/ValidationFailed"}
      /api/v1/cases/{id}:
        get:
          tags: [cases]
          operationId: openCase
          summary: The decrypted case; opening is audited (without content)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          responses:
            "200":
              description: The case.
              content: {application/json: {schema: {$ref: "#/components/schemas/Case"}}}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "409":
              description: "`case_integrity`: the stored case does not match its authenticator (an older sheet put back, a record deleted or brought in from another case); audited as `integrity.alarm`, nothing of the case is returned. Every case route answers so."
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            "503": {$ref: "#/components/responses/Unavailable"}
      /api/v1/cases/{id}/classification:
        put:
          tags: [cases]
          operationId: classifyCase
          summary: The counsellor's classification by taxonomy codes; its facets are sealed under the office statistics key
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [codes]
                  properties:
                    codes: {type: object, additionalProperties: {type: array, items: {type: string}}, description: "Facet → codes, e.g. {\"ground\": [\"behinderung\"], \"area\": [\"bildung\"]}."}
                    flags: {type: array, items: {type: string}}
                    region: {type: string, description: An NRW Kreis key.}
          responses: &change
            "204": {description: Recorded.}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "422": {$ref: "#/components/responses/ValidationFailed"}
            "503": {$ref: "#/components/responses/Unavailable"}
      /api/v1/cases/{id}/description:
        put:
          tags: [cases]
          operationId: describeCase
          summary: The case's working title and the affected persons (pseudonymous labels; minors flagged)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [title, persons]
                  properties:
                    title: {type: string}
                    persons: {type: array, items: {$ref: "#/components/schemas/AffectedPerson"}}
          responses: *change
      /api/v1/cases/{id}/transitions:
        post:
          tags: [cases]
          operationId: transitionCase
          summary: Move the case along the workflow of Policies/workflow.yaml
          description: |
            `from` must be the case's step (else `409 stale_step`). A way the policy does not allow
            from here, for this kind or role, is `409 transition_forbidden` naming the rule; an
            intervention without a valid document it needs (a Vollmacht naming the counterpart, …)
            is `409 document_missing` naming the document.
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content: {application/json: {schema: {$ref: "#/components/schemas/TransitionRequest"}}}
          responses:
            "200":
              description: The new step and kind.
              content: {application/json: {schema: {type: object, required: [step, kind], properties: {step: {type: string}, kind: {type: string}}}}}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "409":
              description: stale_step, transition_forbidden or document_missing; nothing changed.
              content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
            "422": {$ref: "#/components/responses/ValidationFailed"}
      /api/v1/cases/{id}/notes:
        post:
          tags: [cases]
          operationId: addCaseNote
          summary: A sealed note on the timeline
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Text"}}}}
          responses: *change
      /api/v1/cases/{id}/messages:
        post:
          tags: [cases]
          operationId: sendCaseMessage
          summary: A message to the reporter's mailbox, sealed under the mailbox key (only cases with a mailbox)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Text"}}}}
          responses: *change
      /api/v1/cases/{id}/contacts:
        post:
          tags: [cases]
          operationId: addCaseContact
          summary: A contact in the contact log (date, minutes, mode, with whom, interpreting)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/Contact"}}}}
          responses: *change
      /api/v1/cases/{id}/documents:
        post:
          tags: [cases]
          operationId: addCaseDocument
          summary: A typed document (Vollmacht, Schweigepflichtentbindung, Einwilligung, Einwilligung der Sorgeberechtigten)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [type, scope, signedOn]
                  properties:
                    type: {type: string}
                    scope: {type: array, items: {type: string}, description: Interventions the document covers.}
                    counterpart: {type: string, description: Whom it names (required for Vollmacht and Schweigepflichtentbindung).}
                    signedOn: {$ref: "#/components/schemas/Day"}
                    note: {type: string}
          responses:
            "201":
              description: Recorded.
              content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}}}}
            "400": {$ref: "#/components/responses/BadRequest"}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}
            "422": {$ref: "#/components/responses/ValidationFailed"}
      /api/v1/cases/{id}/documents/{document}/revocation:
        post:
          tags: [cases]
          operationId: revokeCaseDocument
          summary: The document was revoked on a day; from then on it opens no gate
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}, {name: document, in: path, required: true, schema: {type: string}}]
          requestBody: {required: true, content: {application/json: {schema: {type: object, required: ["on"], properties: {"on": {$ref: "#/components/schemas/Day"}}}}}}
          responses: *change
      /api/v1/cases/{id}/assignees:
        post:
          tags: [cases]
          operationId: assignCase
          summary: Sets who works the case (Beratung, Co-Beratung, Vertretung); members of the case's office only
          description: |
            Only the roles named in `assignment.assign` of `Policies/access.yaml` may assign (leads
            by default); everyone else gets `404`, like every route a role does not reach.
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [assignees]
                  properties:
                    assignees:
                      type: array
                      items: {type: object, required: [username, role], properties: {username: {type: string}, role: {type: string, enum: [beratung, co_beratung, vertretung]}}}
          responses: *change
      /api/v1/cases/{id}/deadlines:
        post:
          tags: [cases]
          operationId: setCaseDeadline
          summary: A Wiedervorlage (label, due) or, with `rule` and `reason`, an override of a policy deadline; audited
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody:
            required: true
            content:
              application/json:
                schema:
                  type: object
                  required: [due]
                  properties:
                    rule: {type: string}
                    label: {type: string}
                    due: {$ref: "#/components/schemas/Day"}
                    reason: {type: string}
          responses: *change
      /api/v1/cases/{id}/deadlines/{deadline}/done:
        post:
          tags: [cases]
          operationId: completeCaseDeadline
          summary: Marks a Wiedervorlage done
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}, {name: deadline, in: path, required: true, schema: {type: string}}]
          responses: *change
      /api/v1/cases/{id}/events:
        post:
          tags: [cases]
          operationId: recordCaseEvent
          summary: A dated event the deadline rules start from (e.g. `ablehnung_zugegangen`, `anspruch_geltend_gemacht`)
          security: [{bearer: []}]
          parameters: [{$ref: "#/components/parameters/CaseID"}]
          requestBody: {required: true, content: {application/json: {schema: {type: object, required: [event, "on"], properties: {event: {type: string}, "on": {$ref: "#/components/schemas/Day"}}}}}}
          responses: *change
      /api/v1/office/team-access:
        put:
          tags: [cases]
          operationId: setTeamAccess
          summary: Whether every counsellor of the office may open its cases (leads only; audited)
          security: [{bearer: []}]
          requestBody: {required: true, content: {application/json: {schema: {type: object, required: [open], properties: {open: {type: boolean}}}}}}
          responses:
            "204": {description: Set.}
            "401": {$ref: "#/components/responses/Unauthorized"}
            "404": {$ref: "#/components/responses/NotFound"}

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
            - {name: form, in: path, required: true, schema: {type: string, enum: [transition, note, message, contact, document, revocation, event, deadline, deadline-done, classification, assignees, description, letter]}}
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

    """#

    static let caseComponents = #"""
        Text:
          type: object
          required: [text]
          properties:
            text: {type: string, maxLength: 20000}
        AffectedPerson:
          type: object
          required: [label, minor]
          properties:
            label: {type: string, description: A pseudonymous label, not a name.}
            minor: {type: boolean}
        Contact:
          type: object
          required: ["on", minutes, mode, with, interpreting]
          properties:
            "on": {$ref: "#/components/schemas/Day"}
            minutes: {type: integer, minimum: 0, maximum: 1440}
            mode: {type: string, enum: [telefon, persoenlich, video, email, brief, aufsuchend]}
            with: {type: string}
            interpreting: {type: string, enum: [keine, lautsprache, dgs, schriftdolmetschen]}
            language: {type: string}
            note: {type: string}
        NewCase:
          type: object
          required: [kind, channel]
          properties:
            kind: {type: string, enum: [meldung, beratungsfall, organisationsberatung, kontakt_ohne_akte]}
            channel: {type: string, description: A channel code of the taxonomy (telefon, persoenlich, brief, email, …).}
            title: {type: string}
            persons: {type: array, items: {$ref: "#/components/schemas/AffectedPerson"}}
            contact: {$ref: "#/components/schemas/Contact"}
            note: {type: string}
            ground: {type: string, description: For a tally only.}
            referral: {type: string, description: For a tally only.}
        TransitionRequest:
          type: object
          required: [from, to]
          properties:
            from: {type: string}
            to: {type: string}
            intervention: {type: string}
            counterpart: {type: string}
            outcome: {type: string}
            reason: {type: string}
        Deadline:
          type: object
          required: [rule, due, state, overridden]
          properties:
            rule: {type: string}
            label: {type: string}
            due: {$ref: "#/components/schemas/Day"}
            state: {type: string, enum: [offen, bald_faellig, ueberfaellig, erledigt]}
            start: {$ref: "#/components/schemas/Day"}
            overridden: {type: boolean}
            id: {type: string, description: A Wiedervorlage's id.}
        Assignee:
          type: object
          required: [username, role]
          properties:
            username: {type: string}
            role: {type: string, enum: [beratung, co_beratung, vertretung]}
        CaseList:
          type: object
          required: [cases]
          properties:
            cases:
              type: array
              items:
                type: object
                required: [id, reference, kind, step, receivedOn, channel, title, assignees, deadlines]
                properties:
                  id: {type: string}
                  reference: {type: string, description: Eight symbols to say on the phone.}
                  kind: {type: string}
                  step: {type: string}
                  receivedOn: {$ref: "#/components/schemas/Day"}
                  channel: {type: string}
                  title: {type: string}
                  assignees: {type: array, items: {$ref: "#/components/schemas/Assignee"}}
                  deadlines: {type: array, items: {$ref: "#/components/schemas/Deadline"}}
            next: {type: string}
        Case:
          type: object
          required: [id, reference, kind, step, channel, receivedOn, revision, title, persons, assignees, classification, timeline,
                     contacts, documents, interventions, events, deadlines, messages, notes, transitions]
          properties:
            id: {type: string}
            reference: {type: string}
            kind: {type: string}
            step: {type: string}
            channel: {type: string}
            receivedOn: {$ref: "#/components/schemas/Day"}
            revision: {type: integer}
            title: {type: string}
            persons: {type: array, items: {$ref: "#/components/schemas/AffectedPerson"}}
            outcome: {type: string}
            assignees: {type: array, items: {$ref: "#/components/schemas/Assignee"}}
            report: {type: object, description: The report as submitted (narrative, dates, the reporter's own classification).}
            contactDetails: {type: string, description: The reporter's contact details, if they asked to be contacted.}
            classification: {type: object, description: "`reporter` and `counsellor`, kept apart: month, taxonomy, codes, flags, region."}
            timeline: {type: array, items: {type: object}, description: "Every change, oldest first: at, actor, kind and its content."}
            contacts: {type: array, items: {$ref: "#/components/schemas/Contact"}}
            documents: {type: array, items: {type: object}, description: "Type, scope, counterpart, signedOn, revokedOn, and `file` (recordID, mediaType, size, hash) once a scan is attached."}
            interventions: {type: array, items: {type: object}}
            events: {type: array, items: {type: object}}
            deadlines: {type: array, items: {$ref: "#/components/schemas/Deadline"}}
            messages: {type: array, items: {type: object, properties: {from: {type: string, enum: [office, reporter]}, text: {type: string}, "on": {$ref: "#/components/schemas/Day"}}}}
            notes: {type: array, items: {type: object}}
            transitions:
              type: array
              description: The ways the policy allows from here for this member, and what each needs.
              items: {type: object, properties: {name: {type: string}, to: {type: string}, intervention: {type: boolean}, outcomes: {type: array, items: {type: string}}, reason: {type: boolean}}}
            letters: {type: array, description: "Letters generated for the case, oldest first.", items: {type: object, properties: {id: {type: string}, template: {type: string}, at: {type: string}}}}

    """#
}
