extension OpenAPIDocument {
    /// A lead's statistics releases: the API and the `/releases` pages.
    static let releasePaths = #"""
          /api/v1/releases:
            get:
              tags: [statistics]
              operationId: listReleases
              summary: The office's releases, newest period first (lead)
              security: [{bearer: []}]
              responses:
                "200":
                  description: The releases, without their tables.
                  content: {application/json: {schema: {type: object, required: [releases], properties: {releases: {type: array, items: {$ref: "#/components/schemas/Release"}}}}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
            post:
              tags: [statistics]
              operationId: computeRelease
              summary: Computes and freezes a closed year's or quarter's tables, or returns the frozen release (lead)
              description: |
                Only a year (`2026`) or a quarter (`2026-Q3`) whose last day is past; no other range
                can be computed. The first computation is frozen, signed with the server's Ed25519
                key over its RFC 8785 canonical JSON and kept sealed under the office statistics key;
                asked again, the same release is returned even after more classifications. Audited
                as `release.frozen`. The answer carries the exact tables for the lead's preview.
              security: [{bearer: []}]
              requestBody:
                required: true
                content: {application/json: {schema: {type: object, required: [period], properties: {period: {type: string, examples: ["2025", "2026-Q3"]}}}}}
              responses:
                "200":
                  description: The release with its signed file of tables.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Release"}}}
                "400": {$ref: "#/components/responses/BadRequest"}
                "415": {$ref: "#/components/responses/UnsupportedMediaType"}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/ValidationFailed"}
                "503": {$ref: "#/components/responses/Unavailable"}
          /api/v1/releases/{id}:
            get:
              tags: [statistics]
              operationId: previewRelease
              summary: One frozen release with its tables (lead); audited as `release.viewed`
              security: [{bearer: []}]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: The release with its signed file of tables.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Release"}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
          /api/v1/releases/{id}/send:
            post:
              tags: [statistics]
              operationId: sendRelease
              summary: Seals the frozen release to the Verband's key and sends it (lead)
              description: |
                The signed file is sealed (`crypto_box_seal`) to the public key of this server's
                Verband; the copy is kept for its analysts and the answer carries the same kind of
                envelope (`sichtbar-release/1`) for a Verband elsewhere. Audited as `release.sent`
                on every send; the first copy stays.
              security: [{bearer: []}]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: The release, now with `sentAt`, and the sealed envelope.
                  content: {application/json: {schema: {$ref: "#/components/schemas/Release"}}}
                "401": {$ref: "#/components/responses/Unauthorized"}
                "404": {$ref: "#/components/responses/NotFound"}
                "422": {$ref: "#/components/responses/ValidationFailed"}
          /releases:
            get:
              tags: [pages]
              operationId: releasesPage
              summary: The office's releases and the form to compute one (lead)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead.}}
            post:
              tags: [pages]
              operationId: releaseForm
              summary: Computes or finds the period's release (csrf, period); to its preview
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: "Computed; to /releases/{id}."}, "403": {description: Wrong csrf or another site.}, "422": {description: Not a closed year or quarter; the form again with the reason.}}
          /releases/{id}:
            get:
              tags: [pages]
              operationId: releasePage
              summary: A frozen release's exact tables, with the form to send it (lead)
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: id, in: path, required: true, schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not a lead of the office.}}
          /releases/{id}/send:
            post:
              tags: [pages]
              operationId: sendReleaseForm
              summary: Sends the release sealed to the Verband (csrf); to the release page
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: id, in: path, required: true, schema: {type: string}}]
              responses: {"303": {description: Sent.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead of the office.}}

        """#

    /// Schemas of the releases (under `components.schemas`).
    static let releaseComponents = #"""
            Release:
              type: object
              required: [id, period, createdAt]
              properties:
                id: {type: string}
                period: {type: string, description: "2026 or 2026-Q3"}
                createdAt: {type: string, format: date-time}
                sentAt: {type: string, format: date-time}
                epsilon: {type: string, description: "ε spent under mode dp, as a fraction"}
                file: {type: object, description: "The signed file of tables (CONTRACT.md, Statistics tables), scope office."}
                envelope:
                  type: object
                  description: The signed file sealed to the Verband's key.
                  required: [format, office, period, sealed]
                  properties:
                    format: {type: string, const: sichtbar-release/1}
                    office: {type: string}
                    period: {type: string}
                    sealed: {type: string, contentEncoding: base64}

        """#
}

extension OpenAPIDocument {
    /// The analysts' page of received releases, where a period is merged and published.
    static let receivedPaths = #"""
          /statistics/received:
            get:
              tags: [pages]
              operationId: receivedReleasesPage
              summary: The releases the offices sent, by period, with a form to merge and publish each (analyst)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not an analyst.}}
            post:
              tags: [pages]
              operationId: publishReceivedForm
              summary: Merges the period's received releases, applies disclosure control once, signs and publishes (csrf, period)
              description: |
                The releases are opened with the Verband's key and checked (signature under a trusted
                key, period, policy, taxonomy version, one release per office, table shapes); a
                refusal names the file and the reason, and nothing is published. Audited in the
                Verband's chain as `statistics.published`.
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Published; to this page.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not an analyst.}, "422": {description: "No releases for the period, or a release refused; the page again with the reason."}}

        """#
}
