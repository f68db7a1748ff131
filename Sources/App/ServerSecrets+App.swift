import CaseStore

extension ServerSecrets {
    /// The keys the services use, from the server's secrets file.
    public var app: AppSecrets { AppSecrets(signer: signing, lookupKey: lookupKey) }
}
