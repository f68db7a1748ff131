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
}
