import Hummingbird
import Testing
import Yams

@testable import Web

@Suite struct OpenAPIDocumentTests {
    @Test func everyRouteIsDescribed() async throws {
        // The statistics application has every route: members, cases, and the Verband's.
        let app = try await StatisticsTestApp()
        let router = buildRouter(app.services)
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
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

    /// Every JSON route documents what a body it cannot read gets: 400 (not JSON, wrong types) and
    /// 415 (not sent as JSON); schemathesis sends both.
    @Test func everyJSONBodyDocumentsItsRefusals() throws {
        let document = try #require(try Yams.load(yaml: OpenAPIDocument.yaml) as? [String: Any])
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
                checked += 1
            }
        }
        #expect(checked >= 25)
    }
}
