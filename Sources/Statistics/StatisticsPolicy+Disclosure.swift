extension StatisticsPolicy {
    /// The disclosure section as the rules `DisclosureControl` applies, so the Verband's merge
    /// protects with exactly what the signed-off policy says rather than the built-in defaults.
    public var disclosureRules: DisclosureRules {
        DisclosureRules(minimumCount: minimumCount, protectionWidth: protectionWidth, groupAttribute: groupAttribute)
    }
}
