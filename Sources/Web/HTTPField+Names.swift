import HTTPTypes

extension HTTPField.Name {
    /// Header names HTTPTypes does not predefine; the literals are valid tokens, so `make` never fails.
    static let referrerPolicyHeader = make("Referrer-Policy")
    static let xFrameOptions = make("X-Frame-Options")
    static let crossOriginOpenerPolicy = make("Cross-Origin-Opener-Policy")
    static let crossOriginResourcePolicy = make("Cross-Origin-Resource-Policy")
    static let secFetchSite = make("Sec-Fetch-Site")
    static let xForwardedFor = make("X-Forwarded-For")

    private static func make(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("invalid header name \(name)") }
        return field
    }
}
