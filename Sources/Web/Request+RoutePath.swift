import Hummingbird

extension Request {
    /// The path as the router matches it: repeated slashes are one, as Hummingbird's router
    /// collapses empty segments. Every middleware that decides by path (cross-site refusal,
    /// mailbox padding, page or JSON errors) decides on this, so `//api/v1//mailbox` cannot reach
    /// a route while slipping past a check that compared the path as sent.
    var routePath: String {
        let path = uri.path
        guard path.contains("//") else { return path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return "/" + segments.joined(separator: "/") + (path.hasSuffix("/") && !segments.isEmpty ? "/" : "")
    }
}
