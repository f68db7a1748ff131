import Sealing

/// The server secrets the services use. Both keys are self-wiping types; this only holds them.
public struct AppSecrets: Sendable {
    /// Signs audit heads and releases.
    public let signer: SigningKeyPair
    /// Keys the receipt lookup: a receipt never reaches the store, only its keyed hash.
    public let lookupKey: SecureBytes
    /// Release keys of offices on other servers the Verband's merge trusts besides this one.
    public let trustedReleaseKeys: [SigningPublicKey]

    public init(signer: SigningKeyPair, lookupKey: SecureBytes, trustedReleaseKeys: [SigningPublicKey] = []) {
        self.signer = signer
        self.lookupKey = lookupKey
        self.trustedReleaseKeys = trustedReleaseKeys
    }
}
