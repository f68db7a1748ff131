#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ClientAddress {
    /// What rate limits and connection caps count by: an IPv4 address as it is, an IPv6 address
    /// by its /64 (one subscriber usually holds a whole /64, so counting single IPv6 addresses
    /// would give one client 2^64 buckets). An IPv4-mapped IPv6 address counts as its IPv4
    /// address. Anything else (a name, "unknown") counts as itself.
    static func limitKey(_ address: String) -> String {
        var text = address
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if let zone = text.firstIndex(of: "%") { text = String(text[..<zone]) }
        guard text.contains(":") else { return text }
        var bytes = [UInt8](repeating: 0, count: 16)
        let parsed = bytes.withUnsafeMutableBytes { inet_pton(AF_INET6, text, $0.baseAddress) }
        guard parsed == 1 else { return text }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff {
            return bytes[12..<16].map { String($0) }.joined(separator: ".")
        }
        return bytes[0..<8].map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined() + "::/64"
    }
}
