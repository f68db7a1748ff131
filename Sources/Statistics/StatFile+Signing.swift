import Foundation
import Sealing

extension StatFile {
    /// The bytes a signature covers: the RFC 8785 canonical JSON of this file as encoded, without
    /// its `signature` member. Encoding cannot fail for these types in practice (no floating point,
    /// no integer beyond 2^53); should it, the error is reported rather than an empty message signed.
    public func signedContent() throws(CanonicalJSONError) -> [UInt8] {
        var unsigned = self
        unsigned.signature = nil
        return try CanonicalJSON.serialise(JSONValue(encoding: unsigned))
    }

    /// This file signed with `keyPair` (the server's Ed25519 key: the office's release or the
    /// Verband's publication); any earlier signature is replaced.
    public func signed(with keyPair: SigningKeyPair) throws(CanonicalJSONError) -> StatFile {
        var copy = self
        copy.signature = StatSignature(signing: try signedContent(), with: keyPair)
        return copy
    }

    /// The whole file, signature included, as canonical JSON: the form written to disk and sent,
    /// so the same release always has the same bytes (and the same SHA-256).
    public func serialised() throws(CanonicalJSONError) -> [UInt8] {
        try CanonicalJSON.serialise(JSONValue(encoding: self))
    }

    /// Checks this value as it stands (after decoding or building it). A received file should be
    /// checked from its bytes with `StatFile.verify(_:key:)`, which sees every member sent,
    /// including ones this type would not decode.
    public func verify(key: SigningPublicKey?) -> StatFileVerdict {
        do throws(CanonicalJSONError) {
            return try Self.verify(serialised(), key: key)
        } catch {
            return .malformed(error.reason)
        }
    }

    /// Checks a received file from its bytes: parsed strictly, the `signature` member taken out,
    /// the rest canonicalised and checked against it. Another tool's whitespace or member order
    /// does not matter; a changed, added or removed value anywhere does. With `key` nil the
    /// file's own key is accepted and named in `.valid(key:)` (integrity only, not origin).
    public static func verify(_ bytes: [UInt8], key: SigningPublicKey?) -> StatFileVerdict {
        open(bytes, key: key).verdict
    }

    /// Checks a received file and, when it is valid, decodes it from the canonical bytes that
    /// were verified — so what the caller reads is exactly what was signed. `file` is nil unless
    /// `verdict` is `.valid`; a signed object that is no statistics file is `.malformed`.
    public static func open(_ bytes: [UInt8], key: SigningPublicKey?) -> (file: StatFile?, verdict: StatFileVerdict) {
        let signature: StatSignature
        let content: [UInt8]
        do throws(CanonicalJSONError) {
            guard case .object(var members) = try JSONValue(parsing: bytes) else {
                return (nil, .malformed("a statistics file is a JSON object"))
            }
            guard let signatureMember = members.removeValue(forKey: "signature") else { return (nil, .unsigned) }
            signature = try StatSignature.from(signatureMember)
            content = try CanonicalJSON.serialise(.object(members))
        } catch {
            return (nil, .malformed(error.reason))
        }
        let verdict = signature.verdict(for: content, expecting: key)
        guard verdict.isValid else { return (nil, verdict) }
        do {
            var file = try JSONDecoder().decode(StatFile.self, from: Data(content))
            file.signature = signature
            return (file, verdict)
        } catch {
            return (nil, .malformed("signed, but not a statistics file: \(error)"))
        }
    }
}
