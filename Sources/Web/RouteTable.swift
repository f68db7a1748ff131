import HTTPTypes
import Hummingbird
import Synchronization

/// Every route's path pattern and its methods, taken from the router once its routes are added,
/// so a request for a known path with a method it does not take answers 405 with `Allow`
/// instead of 404.
final class RouteTable: Sendable {
    private let routes = Mutex<[(pattern: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    func record<Context>(_ routes: [Router<Context>.RouteDescription]) {
        for route in routes {
            record(route.path.description, route.method)
        }
    }

    func record(_ path: String, _ method: HTTPRequest.Method) {
        let pattern = Self.segments(path)
        routes.withLock { routes in
            var methods: Set<HTTPRequest.Method> = [method]
            // Hummingbird answers HEAD wherever GET is answered (`autoGenerateHeadEndpoints`).
            if method == .get { methods.insert(.head) }
            if let index = routes.firstIndex(where: { $0.pattern == pattern }) {
                routes[index].methods.formUnion(methods)
            } else {
                routes.append((pattern, methods))
            }
        }
    }

    /// The methods of the route that answers `path`; empty when no route matches it at all. Where
    /// several patterns match, the router takes the most specific (a constant segment before a
    /// parameter, left to right: `/cases/tally` before `/cases/:id`), and so does this.
    func methods(at path: String) -> Set<HTTPRequest.Method> {
        let segments = Self.segments(path)
        return routes.withLock { routes in
            let matching = routes.filter { Self.matches($0.pattern, segments) }
            let best = matching.max { Self.specificity($0.pattern).lexicographicallyPrecedes(Self.specificity($1.pattern)) }
            return best?.methods ?? []
        }
    }

    /// Per segment: 2 for a constant, 1 for a parameter, 0 for a wildcard.
    static func specificity(_ pattern: [Substring]) -> [Int] {
        pattern.map { part in
            if part == "*" || part == "**" { return 0 }
            return part.hasPrefix(":") || part.hasPrefix("{") ? 1 : 2
        }
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Hummingbird's patterns: `:name` and `{name}` take one segment, `*` one, `**` the rest.
    static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        var index = 0
        for part in pattern {
            if part == "**" { return true }
            guard index < path.count else { return false }
            let parameter = part.hasPrefix(":") || (part.hasPrefix("{") && part.hasSuffix("}")) || part == "*"
            if !parameter && part != path[index] { return false }
            index += 1
        }
        return index == path.count
    }
}
