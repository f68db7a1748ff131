import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What of a client address the login bucket keys on: an IPv4 address whole, an IPv6 address
/// by its /64 (one household or office gets a whole /64 and can pick any address in it). The
/// result is hashed at once and never kept or logged as it is.
enum AddressPrefix {
    static func bytes(of address: String) -> [UInt8] {
        // A zone (`fe80::1%eth0`) or a prefix length (`2001:db8::/64`) is not part of the address.
        let bare =
            String(address.split(separator: "%", maxSplits: 1).first ?? "")
            .split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            return [4] + withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, bare, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            // An IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 address.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return [4] + Array(bytes[12..<16])
            }
            return [6] + Array(bytes[0..<8])
        }
        // Not an address (a test's label, `unknown`): keyed as it is.
        return [0] + Array(address.utf8)
    }
}
