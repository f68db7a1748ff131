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
                - {name: assigned, in: query, required: false, schema: {type: string, enum: ["", mine, none]}}
                - {name: due, in: query, required: false, description: "overdue, or due within the warning days (14)", schema: {type: string, enum: ["", overdue, soon]}}
                - {name: q, in: query, required: false, description: A case reference (or its start) or a category code of the counsellor's classification., schema: {type: string}}
                - {name: sort, in: query, required: false, description: "received (newest first, the default) or urgency (overdue deadlines, then unread reporter messages, then due soon, then the rest).", schema: {type: string, enum: ["", received, urgency]}}
                - {name: unread, in: query, required: false, description: "true: only cases with a reporter's message or file nobody marked read.", schema: {type: string, enum: ["", "true", "false"]}}
                - {name: after, in: query, required: false, description: "The `next` of the previous page: the day and id of the last case, with the urgency group in front when sorted by urgency.", schema: {type: string, pattern: '^(([0-3][.])?(19[0-9]{2}|[2-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[.][0-9a-fA-F]{32})?$'}}
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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "409":
                  description: "`case_integrity` (see the case); for events and deadline overrides `field_mismatch`: the event or rule belongs to a legal field the case is not in (docs/deadlines.md), named with the case's fields. Nothing changed."
                  content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
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
                is `409 document_missing` naming the document. A destructive transition (the deletion
                request, the shredding) without `confirmed: true`, or the deletion request without
                `requester`, is `422` naming the field.
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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
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
                        owner: {type: string, description: "A Wiedervorlage's owner (a counsellor or lead of the office); default the member who sets it."}
              responses: *change
          /api/v1/cases/{id}/deadlines/{deadline}/done:
            post:
              tags: [cases]
              operationId: completeCaseDeadline
              summary: Marks a Wiedervorlage done
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: deadline, in: path, required: true, schema: {type: string}}]
              responses: *change
          /api/v1/cases/{id}/deadlines/{deadline}/missed:
            post:
              tags: [cases]
              operationId: markCaseDeadlineMissed
              summary: Marks an overdue legal deadline (the rule code in the path) versäumt with the reason; it leaves the due lists and shows as missed. Audited as case.deadline_missed; the reason stays sealed in the case.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: deadline, in: path, required: true, schema: {type: string}}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [reason], properties: {reason: {type: string, maxLength: 500}}}}}}
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
          /api/v1/cases/{id}/parties:
            post:
              tags: [cases]
              operationId: addCaseParty
              summary: A party of the case (the other side, or a third party). A document's or an intervention's `counterpart` must name one (by id or name); the name already there returns its id and changes nothing. Audited as case.party_added without the name.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, required: [name, role], properties: {name: {type: string, maxLength: 200}, role: {type: string, enum: [gegenseite, dritte]}}}}}}
              responses:
                "201":
                  description: The party's id.
                  content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/ValidationFailed"}
          /api/v1/cases/{id}/reporter-read:
            post:
              tags: [cases]
              operationId: markReporterRead
              summary: Marks the reporter's messages and files of the case read (the list's `unread` and the case's `reporterUnread` go false until the reporter writes again). Audited as case.reporter_read.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              responses:
                "204": {description: Marked read.}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
          /api/v1/cases/{id}/legal-fields:
            put:
              tags: [cases]
              operationId: setCaseLegalFields
              summary: The case's legal fields by hand (docs/deadlines.md); `null` follows the classification again. Deadline rules start only in the case's fields. Audited as case.fields_set.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody: {required: true, content: {application/json: {schema: {type: object, properties: {fields: {type: [array, "null"], items: {type: string}, description: "Field codes of Policies/workflow.yaml, e.g. [\"beschaeftigung\"]; null or absent follows the classification again."}}}}}}
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
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/ValidationFailed"}


        """#
}
