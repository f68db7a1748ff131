import Sealing

extension StatSignature {
    /// Checks this signature over `message`. With `expected` nil any well-formed Ed25519 key is
    /// accepted and named in `.valid(key:)`; otherwise the signature must be `expected`'s.
    /// The order of checks gives the most useful answer: shape, algorithm, key, then signature.
    public func verdict(for message: [UInt8], expecting expected: SigningPublicKey?) -> StatFileVerdict {
        guard alg == Self.ed25519 else { return .wrongAlgorithm }
        guard let keyBytes = Self.decodeBase64(key), let signer = try? SigningPublicKey(bytes: keyBytes) else {
            return .malformed("the signature's key is not a base64 Ed25519 public key")
        }
        if let expected, expected != signer { return .keyMismatch }
        guard let signature = Self.decodeBase64(value), signature.count == 64 else {
            return .malformed("the signature's value is not a base64 Ed25519 signature")
        }
        return signer.isValidSignature(signature, for: message) ? .valid(key: signer) : .badSignature
    }

    /// The signature member read from parsed JSON; the error's reason says why it is none.
    static func from(_ json: JSONValue) throws(CanonicalJSONError) -> StatSignature {
        guard case .object(let members) = json else { throw .malformed("the signature is not an object") }
        guard Set(members.keys) == ["alg", "key", "value"] else {
            throw .malformed("the signature must have exactly the members alg, key and value")
        }
        guard case .string(let alg)? = members["alg"], case .string(let key)? = members["key"],
            case .string(let value)? = members["value"]
        else { throw .malformed("the signature's alg, key and value must be strings") }
        return StatSignature(alg: alg, key: key, value: value)
    }

    /// The content of a `.sig` file: this signature as canonical JSON (its members happen to be
    /// in sorted order already), followed by a newline.
    public var detachedFileContent: [UInt8] {
        var output = Array("{\"alg\":".utf8)
        CanonicalJSON.appendString(alg, to: &output)
        output.append(contentsOf: ",\"key\":".utf8)
        CanonicalJSON.appendString(key, to: &output)
        output.append(contentsOf: ",\"value\":".utf8)
        CanonicalJSON.appendString(value, to: &output)
        output.append(contentsOf: "}\n".utf8)
        return output
    }

    /// Checks a detached signature: `content` is the signed file's exact bytes (a CSV), `signatureFile`
    /// the bytes of its `.sig`. The `.sig` may be re-serialised freely; `content` may not change
    /// by a single byte.
    public static func verifyDetached(
        _ content: [UInt8], signatureFile: [UInt8],
        key expected: SigningPublicKey?
    ) -> StatFileVerdict {
        do throws(CanonicalJSONError) {
            let signature = try from(JSONValue(parsing: signatureFile))
            return signature.verdict(for: content, expecting: expected)
        } catch {
            return .malformed("the signature file: \(error.reason)")
        }
    }
}
