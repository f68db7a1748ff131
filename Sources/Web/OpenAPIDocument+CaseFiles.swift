extension OpenAPIDocument {
    /// Scans of documents and letters of a case. Same access as every case route: anything but a
    /// counsellor or lead who may open the case is `404 not_found`, alike.
    static let caseFilePaths = #"""
          /api/v1/cases/{id}/documents/{document}/file:
            put:
              tags: [cases]
              operationId: attachDocumentFile
              summary: The scan of a signed document (JPEG, PNG or PDF, at most 10 MiB), metadata stripped, sealed under the case key
              description: |
                The raw body is the file; its Content-Type is ignored and the type is read from the
                file's own bytes. Camera and GPS data, authors, software, dates and thumbnails are
                removed before the file is sealed; the answer's `hash` is the SHA-256 of the stripped
                file (what `sha256sum` prints for the download). A second scan replaces the first.
                Audited as `case.document_file_attached` with the case and the document type.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: document, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content: {application/octet-stream: {schema: {type: string, format: binary}}}
              responses:
                "201":
                  description: Stored.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [hash, mediaType, size]
                        properties:
                          hash: {type: string, description: SHA-256 of the stripped file (hex).}
                          mediaType: {type: string, enum: [image/jpeg, image/png, application/pdf]}
                          size: {type: integer, description: Bytes of the stripped file.}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "413":
                  description: too_large — the body exceeds 10 MiB (field `file`).
                  content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
                "422":
                  description: validation_failed naming `file` — empty, not JPEG, PNG or PDF, or damaged.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Error"}}}
                "503": {$ref: "#/components/responses/Unavailable"}
            get:
              tags: [cases]
              operationId: downloadDocumentFile
              summary: The stripped scan, as an attachment; every download is audited (`case.document_file_viewed`)
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: document, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: The file, with `Content-Disposition attachment` and `Cache-Control no-store`.
                  content:
                    image/jpeg: {schema: {type: string, format: binary}}
                    image/png: {schema: {type: string, format: binary}}
                    application/pdf: {schema: {type: string, format: binary}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
          /api/v1/cases/{id}/reporter-files/{file}:
            get:
              tags: [cases]
              operationId: downloadReporterFile
              summary: An evidence file the reporter sent (named by a message of the case), metadata stripped; audited (`case.reporter_file_viewed`)
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: file, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: The file, with `Content-Disposition attachment` and `Cache-Control no-store`.
                  content:
                    image/jpeg: {schema: {type: string, format: binary}}
                    image/png: {schema: {type: string, format: binary}}
                    application/pdf: {schema: {type: string, format: binary}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
          /api/v1/cases/{id}/letters:
            post:
              tags: [cases]
              operationId: generateLetter
              summary: A letter from a template of Templates/letters, filled from the case and sealed with it
              description: |
                Fills in the office (name, address, phone, e-mail, city), today's date, the case
                reference, the counterpart of the latest intervention (else of the latest document in
                force naming one), the first person's label, the member and the incident's date. What is
                not known stays a visible `[[ … ]]` placeholder, and so does the subject line. Audited as
                `case.letter_generated` with the case and the template.
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [template]
                      properties:
                        template: {type: string, enum: [beschwerdebrief, bitte_um_stellungnahme, gedaechtnisprotokoll]}
              responses:
                "201":
                  description: The letter's id.
                  content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: string}}}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/ValidationFailed"}
                "503": {$ref: "#/components/responses/Unavailable"}
          /api/v1/cases/{id}/letters/{letter}:
            get:
              tags: [cases]
              operationId: printLetter
              summary: The letter as a printable HTML page (A4, placeholders highlighted on screen); audited (`case.letter_viewed`)
              security: [{bearer: []}]
              parameters: [{$ref: "#/components/parameters/CaseID"}, {name: letter, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: A complete HTML document with its own print stylesheet.
                  content: {text/html: {schema: {type: string}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}

        """#
}
