// The contract of a case's files and letters as Swift: `Components`, `Operations` and `APIProtocol` are
// generated at build time by swift-openapi-generator's build plugin from `openapi.yaml`, a
// symlink to Templates/api/openapi.yaml, so the code cannot drift from the document the server
// serves. This file holds no code; the configuration is `openapi-generator-config.yaml`.
