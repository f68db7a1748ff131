import HTTPTypes
import Hummingbird
import Synchronization

/// Every route's path pattern and its methods, recorded as routes are added, so a request for a
/// known path with a method it does not take answers 405 with `Allow` instead of 404.
final class RouteTable: Sendable {
    private let routes = Mutex<[(pattern: [Substring], methods: Set<HTTPRequest.Method>)]>([])

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

    /// The methods some route takes at `path`; empty when no route matches it at all.
    func methods(at path: String) -> Set<HTTPRequest.Method> {
        let segments = Self.segments(path)
        return routes.withLock { routes in
            routes.filter { Self.matches($0.pattern, segments) }.reduce(into: Set()) { $0.formUnion($1.methods) }
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

/// The router, recording each route into a `RouteTable` on its way in. Route groups made from it
/// record their full paths too, since a group adds its routes through its parent.
struct RouteRecorder<Context: RequestContext>: RouterMethods {
    let router: Router<Context>
    let table: RouteTable

    @discardableResult func on<Responder: HTTPResponder>(
        _ path: RouterPath, method: HTTPRequest.Method, responder: Responder
    ) -> Self where Responder.Context == Context {
        table.record(path.description, method)
        router.on(path, method: method, responder: responder)
        return self
    }

    @discardableResult func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
