import SichtbarCore

/// Which legal fields a case belongs to, and which deadlines and events those fields allow.
extension WorkflowPolicy {
    /// Every field's code: what a case of unknown fields (a sheet from before fields existed) gets,
    /// so that no deadline it had goes missing without a counsellor deciding.
    public var allFieldCodes: Set<String> { Set(fields.map(\.code)) }

    /// Whether `rule` is a deadline of the law (not the office's own standard, nor a Wiedervorlage).
    public func isLegalRule(_ rule: String) -> Bool {
        guard let field = deadlines.first(where: { $0.code == rule })?.field else { return false }
        return self.field(field)?.legal ?? true
    }

    /// The fields every case belongs to.
    public var alwaysFieldCodes: Set<String> { Set(fields.filter(\.always).map(\.code)) }

    /// The fields a classification implies: an area code of a field (or, when no field names
    /// the code itself, its parent's), and a form code of a field.
    public func classifiedFields(areas: [String], forms: [String], taxonomy: Taxonomy) -> [String] {
        func matching(_ codes: [String], facet: String, _ list: KeyPath<LegalField, [String]>) -> [String] {
            codes.flatMap { code -> [String] in
                let direct = fields.filter { $0[keyPath: list].contains(code) }
                if !direct.isEmpty { return direct.map(\.code) }
                guard let parent = taxonomy.facet(facet)?.code(code)?.parent else { return [] }
                return fields.filter { $0[keyPath: list].contains(parent) }.map(\.code)
            }
        }
        let found = Set(matching(areas, facet: "area", \.areas) + matching(forms, facet: "form", \.forms))
        return fields.map(\.code).filter { found.contains($0) && !alwaysFieldCodes.contains($0) }
    }

    /// The fields of the rules an event starts or meets: where it belongs. Empty for an event no
    /// rule names (it may be recorded in any case).
    public func fields(ofEvent code: String) -> Set<String> {
        Set(deadlines.filter { $0.from.contains(code) || $0.metBy.contains(code) }.map(\.field))
    }

    /// The manual events a case of `fields` may record, in policy order.
    public func manualEvents(in fields: Set<String>) -> [WorkflowEventType] {
        events.filter { event in
            guard event.manual else { return false }
            let own = self.fields(ofEvent: event.code)
            return own.isEmpty || !own.isDisjoint(with: fields)
        }
    }

    /// Checks the field mapping against the taxonomy in force: an unknown area or form code is
    /// refused at start-up, as every other policy mistake is.
    public func check(against taxonomy: Taxonomy, file: String = "workflow.yaml") throws {
        for field in fields {
            for (facet, codes) in [("area", field.areas), ("form", field.forms)] {
                for code in codes where taxonomy.facet(facet)?.code(code) == nil {
                    throw PolicyError(
                        file: file, line: nil,
                        problem:
                            "field '\(field.code)' names '\(code)' under \(facet == "area" ? "areas" : "forms"), which is not a code of the taxonomy's facet '\(facet)'"
                    )
                }
            }
        }
    }
}
