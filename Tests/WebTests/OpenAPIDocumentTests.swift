import Hummingbird
import Testing
import Yams

@testable import Web

@Suite struct OpenAPIDocumentTests {
    /// The one OpenAPI file, as the server loads it from the templates folder.
    static func document() throws -> String {
        try String(contentsOf: TestApp.root.appendingPathComponent("Templates/api/openapi.yaml"), encoding: .utf8)
    }

    @Test func theServerAnswersTheFileAsItIs() async throws {
        let app = try await StatisticsTestApp()
        let file = try Self.document()
        try await app.test { client in
            let response = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/yaml; charset=utf-8")
            #expect(String(buffer: response.body) == file)
        }
    }

    @Test func everyRouteIsDescribed() async throws {
        // The statistics application has every route: members, cases, and the Verband's.
        let app = try await StatisticsTestApp()
        let router = buildRouter(app.services)
        let document = try #require(try Yams.load(yaml: Self.document()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(!router.routes.isEmpty)
        for route in router.routes {
            var path = route.path.components.map { component -> String in
                let text = component.description
                return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
            }.joined(separator: "/")
            if !path.hasPrefix("/") { path = "/" + path }
            let operations = try #require(paths[path] as? [String: Any], "\(path) is not in openapi.yaml")
            #expect(operations[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in openapi.yaml")
        }
    }

    /// Every JSON route documents what a body it cannot read gets: 400 (not JSON, wrong types),
    /// 413 (over 128 KiB) and 415 (not sent as JSON); schemathesis sends all three.
    @Test func everyJSONBodyDocumentsItsRefusals() throws {
        let document = try #require(try Yams.load(yaml: Self.document()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var checked = 0
        for (path, operations) in paths where path.hasPrefix("/api/") {
            for (method, value) in operations {
                guard let operation = value as? [String: Any],
                    let body = operation["requestBody"] as? [String: Any],
                    let content = body["content"] as? [String: Any], content["application/json"] != nil
                else { continue }
                let responses = try #require(operation["responses"] as? [String: Any], "\(method) \(path)")
                #expect(responses["400"] != nil, "\(method) \(path) documents 400")
                #expect(responses["415"] != nil, "\(method) \(path) documents 415")
                #expect(responses["413"] != nil, "\(method) \(path) documents 413 (a body over 128 KiB)")
                checked += 1
            }
        }
        #expect(checked >= 25)
    }
}
