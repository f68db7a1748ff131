extension OpenAPIDocument {
    /// Schemas of the case routes (under `components.schemas`).
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
                to: {type: string, description: "A step, or `previous` to take a deletion request back (the case returns to its step before, with outcome and closing day)."}
                intervention: {type: string}
                counterpart: {type: string}
                outcome: {type: string}
                reason: {type: string}
                requester: {type: string, description: "Who asked, for a transition with `requester: true` (the deletion request): postfach, gespraech (both Art. 17 DSGVO, starting the Art. 12 (3) month) or vorschlag_stelle (the office's proposal, no Art. 17 request)."}
                confirmed: {type: boolean, description: "Must be true for a destructive transition (`confirm: true`: the deletion request and the shredding); without it 422 naming `confirm`."}
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
                    required: [id, reference, kind, step, receivedOn, channel, title, assignees, deadlines, unread]
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
                      unread: {type: boolean, description: "The reporter wrote (a message or file) and nobody marked it read."}
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
                messages: {type: array, items: {type: object, properties: {from: {type: string, enum: [office, reporter]}, text: {type: string}, "on": {$ref: "#/components/schemas/Day"}, file: {type: object, description: "An evidence file the reporter sent (reporter-files/{id}).", properties: {id: {type: string}, type: {type: string}, size: {type: integer}, sha256: {type: string}}}}}}
                notes: {type: array, items: {type: object}}
                transitions:
                  type: array
                  description: The ways the policy allows from here for this member, and what each needs.
                  items: {type: object, properties: {name: {type: string}, to: {type: string}, intervention: {type: boolean}, outcomes: {type: array, items: {type: string}}, reason: {type: boolean}}}
                letters: {type: array, description: "Letters generated for the case, oldest first.", items: {type: object, properties: {id: {type: string}, template: {type: string}, at: {type: string}}}}
                reporterUnread: {type: boolean, description: "The reporter wrote and nobody marked it read (POST …/reporter-read)."}
                legalFields: {type: array, items: {type: string}, description: "The legal fields the case's deadline rules run in (docs/deadlines.md)."}
                legalFieldsByHand: {type: boolean, description: "The fields were set by hand rather than following the classification."}

        """#
}
