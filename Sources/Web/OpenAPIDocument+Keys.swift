extension OpenAPIDocument {
    /// The lead's key forms on `/members`: confirming keys, pinning the Verband key, renewing the
    /// recovery code.
    static let keyPaths = #"""
          /members/keys/confirm:
            post:
              tags: [pages]
              operationId: confirmKeysForm
              summary: A lead confirms the keys of an office without a key manifest (csrf, confirm=yes)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Confirmed; to /members.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead.}, "409": {description: A key alarm, not something to confirm.}, "422": {description: Not confirmed, or nothing to confirm.}}
          /members/keys/verband:
            post:
              tags: [pages]
              operationId: confirmVerbandKeyForm
              summary: A lead pins the server's Verband key by its fingerprint (csrf, fingerprint)
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"303": {description: Confirmed; to /members.}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead.}, "409": {description: A key alarm.}, "422": {description: The fingerprint does not match.}}
          /members/recovery-code:
            post:
              tags: [pages]
              operationId: renewRecoveryCodeForm
              summary: A new office recovery code, shown once on the answer (csrf, confirm=yes); the old code is retired
              parameters: [{$ref: "#/components/parameters/Lang"}]
              responses: {"201": {$ref: "#/components/responses/Page"}, "403": {description: Wrong csrf or another site.}, "404": {description: Not a lead.}, "409": {description: A key alarm.}, "422": {description: Not confirmed, or a rotation runs.}}

        """#
}
