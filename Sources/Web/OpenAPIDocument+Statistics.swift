extension OpenAPIDocument {
    /// The Verband analysts' routes: the published tables as JSON, the statistics page, the report.
    static let statisticsPaths = #"""
          /api/v1/statistics:
            get:
              tags: [statistics]
              operationId: publishedStatistics
              summary: The Verband's published, merged tables of a period (analysts)
              description: |
                The tables after disclosure control, in the JSON of CONTRACT.md ("Statistics tables"):
                a suppressed count is `null` with `suppressed: true` (and `primary: true` for a count
                from 1 to 4, "<5"); `additive: false` marks Nennungen along `multiValued`. The stored
                publication is served only when its signature verifies under this server's key;
                otherwise `500 internal`, without details. Any role but an analyst gets `404 not_found`.
              security: [{bearer: []}]
              parameters:
                - {name: period, in: query, required: true, description: A year (2026) or a quarter (2026-Q3)., schema: {type: string, pattern: "^[0-9]{4}(-Q[1-4])?$"}}
                - {name: table, in: query, required: false, description: One table by name; an unknown name answers 404 naming `table`., schema: {type: string}}
              responses:
                "200":
                  description: The publication's facts and its tables.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/PublishedTables"
                "401":
                  $ref: "#/components/responses/Unauthorized"
                "404":
                  $ref: "#/components/responses/NotFound"
                "422":
                  $ref: "#/components/responses/ValidationFailed"
                "500":
                  description: internal — the stored publication does not verify and is not served.
                  content:
                    application/json:
                      schema:
                        $ref: "#/components/schemas/Error"
          /statistics:
            get:
              tags: [pages]
              operationId: statisticsPage
              summary: The published statistics of a period (analysts) — tables, bar charts by ground and area of life, the trend over the years
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: period, in: query, required: false, description: Default the newest publication., schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not an analyst, or nothing published for the period.}, "422": {description: Not a period.}, "500": {description: The stored publication does not verify.}}
          /report:
            get:
              tags: [pages]
              operationId: annualReport
              summary: The printable annual report of a year (analysts), a standalone page with its stylesheet inline (allowed by hash)
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: period, in: query, required: false, description: A year; default the newest published year., schema: {type: string}}]
              responses: {"200": {$ref: "#/components/responses/Page"}, "303": {description: No session.}, "404": {description: Not an analyst, or the year is not published.}, "422": {description: Not a year.}, "500": {description: The stored publication does not verify.}}
          /statistics/csv:
            get:
              tags: [pages]
              operationId: statisticsCSV
              summary: One published table as CSV (UTF-8 with BOM), or with `sig=1` the detached signature over exactly those bytes (analysts; only from a publication that verifies)
              parameters: [{$ref: "#/components/parameters/Lang"}, {name: period, in: query, required: true, schema: {type: string}}, {name: table, in: query, required: true, schema: {type: string}}, {name: sig, in: query, required: false, schema: {type: string, enum: ["1"]}}]
              responses: {"200": {description: "text/csv; charset=utf-8 as an attachment, or the signature as JSON."}, "303": {description: No session.}, "404": {description: Not an analyst, or no such published period or table.}}

        """#

    /// The answer of `GET /api/v1/statistics` (under `components/schemas`).
    static let statisticsComponents = #"""
            PublishedTables:
              type: object
              required: [period, publishedAt, releaseCount, policy, taxonomy, generatedOn, tables]
              properties:
                period: {type: string}
                publishedAt: {type: string, description: When the Verband published it.}
                releaseCount: {type: integer, description: How many office releases were merged.}
                policy: {type: string, description: SHA-256 of the statistics.yaml in force.}
                taxonomy: {type: string}
                generatedOn: {type: string, format: date}
                tables:
                  type: array
                  items:
                    $ref: "#/components/schemas/StatTable"
            StatTable:
              type: object
              required: [name, unit, period, taxonomy, dimensions, additive, cells, margins]
              properties:
                name: {type: string}
                unit: {type: string}
                period: {type: object, properties: {from: {type: string, format: date}, to: {type: string, format: date}}}
                taxonomy: {type: string}
                dimensions: {type: array, maxItems: 2, items: {type: string}}
                additive: {type: boolean}
                multiValued: {type: array, items: {type: string}}
                cells: {type: array, items: {$ref: "#/components/schemas/StatCell"}}
                margins: {type: array, items: {$ref: "#/components/schemas/StatCell"}}
                recoded:
                  type: object
                  description: >-
                    Codes merged before suppression (docs/disclosure-control.md, "Recoding"): per
                    dimension, each merged code (`sonstige_zusammengefasst`, `<parent>_mit_untertypen`)
                    and the codes it sums. Absent when nothing was merged.
                  additionalProperties: {type: object, additionalProperties: {type: array, items: {type: string}}}
            StatCell:
              type: object
              required: [key, count]
              properties:
                key: {type: object, additionalProperties: {type: string}}
                count: {type: [integer, "null"]}
                suppressed: {type: boolean}
                primary: {type: boolean}

        """#
}
