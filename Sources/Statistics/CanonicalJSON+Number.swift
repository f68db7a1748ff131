extension CanonicalJSON {
    /// ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20), as RFC 8785 §3.2.2.3 requires:
    /// integers below 10^21 written out in full, the shortest digits that read back as the same
    /// double otherwise, with ECMAScript's exponent rules (`1e+21`, `1e-7`, `0.000001`). `-0` is
    /// written `0`. Nil for NaN and the infinities, which JSON cannot carry.
    ///
    /// The shortest round-trip digits come from Swift's own `description`, which is specified to
    /// produce the shortest digit string that parses back to the same double and, among those,
    /// the closest one — exactly ECMAScript's choice of `s` and `k`. Only the layout is done here.
    public static func number(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        guard let (digits, pointPosition) = shortestDigits(of: value.magnitude) else { return nil }
        let sign = value < 0 ? "-" : ""
        // ECMAScript's names: value = 0.d₁d₂…d_k × 10^n.
        let k = digits.count
        let n = pointPosition
        let body: String
        if k <= n && n <= 21 {
            body = digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            body = String(digits.prefix(n)) + "." + String(digits.dropFirst(n))
        } else if -6 < n && n <= 0 {
            body = "0." + String(repeating: "0", count: -n) + digits
        } else {
            let exponent = n - 1
            let mantissa = k == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
            body = mantissa + "e" + (exponent < 0 ? "-" : "+") + String(exponent.magnitude)
        }
        return sign + body
    }

    /// The significant decimal digits of a positive finite double, without leading or trailing
    /// zeros, and `n` such that the value is 0.digits × 10^n; read from Swift's shortest
    /// round-trip `description` in any of its layouts (`123.45`, `1e-07`, `1.5e+300`).
    private static func shortestDigits(of value: Double) -> (digits: String, pointPosition: Int)? {
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        guard let mantissa = parts.first else { return nil }
        var exponent = 0
        if parts.count == 2 {
            guard let parsed = Int(parts[1]) else { return nil }  // Int("+16") and Int("-07") both parse
            exponent = parsed
        }
        let halves = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integerPart = halves.first else { return nil }
        let fractionPart = halves.count == 2 ? halves[1] : ""
        var digits = Substring(String(integerPart) + String(fractionPart))
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var pointPosition = integerPart.count + exponent
        while digits.first == "0" {
            digits = digits.dropFirst()
            pointPosition -= 1
        }
        while digits.last == "0" { digits = digits.dropLast() }
        guard !digits.isEmpty else { return nil }
        return (String(digits), pointPosition)
    }
}
