import Foundation

extension Taxonomy {
    /// The facets the rest of the code relies on: a taxonomy without them is refused.
    static let requiredFacets = ["ground", "area", "role", "channel"]

    /// Loads and checks `taxonomy.yaml`; a problem names the file, line and rule.
    public static func load(from url: URL) throws -> Taxonomy {
        try parse(try PolicyNode.text(at: url), file: url.path)
    }

    /// Parses taxonomy YAML text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> Taxonomy {
        let root = try PolicyNode.parse(text, file: file)
        let version = try root.required("version", in: "the taxonomy").string("version")
        let languagesNode = try root.required("languages", in: "the taxonomy")
        let languages = try languagesNode.strings("languages")
        guard languages.contains("de") else { throw languagesNode.error("languages must include de") }

        func labels(_ owner: PolicyNode, _ what: String) throws -> [String: String] {
            try owner.labels(in: languages, what)
        }

        var facets: [Facet] = []
        let facetsNode = try root.required("facets", in: "the taxonomy")
        for entry in try facetsNode.entries("facets") {
            let what = "facet '\(entry.key)'"
            try checkCode(entry.key, entry.keyNode, what: "facet key")
            let multiValued = try entry.value.required("multiValued", in: what).bool("multiValued of \(what)")
            let reporter = try entry.value.optional("reporter")?.bool("reporter of \(what)") ?? false
            var codes: [Code] = []
            var seen = Set<String>()
            func add(_ code: String, _ keyNode: PolicyNode, _ value: PolicyNode, parent: String?) throws {
                try checkCode(code, keyNode, what: "a code of \(what)")
                guard seen.insert(code).inserted else {
                    throw keyNode.error("\(what) repeats the code '\(code)'")
                }
                codes.append(Code(code: code, parent: parent, labels: try labels(value, "code '\(code)' of \(what)")))
            }
            let codesNode = try entry.value.required("codes", in: what)
            for codeEntry in try codesNode.entries("the codes of \(what)") {
                try add(codeEntry.key, codeEntry.keyNode, codeEntry.value, parent: nil)
                if let children = codeEntry.value.optional("children") {
                    for child in try children.entries("the children of '\(codeEntry.key)'") {
                        if child.value.optional("children") != nil {
                            throw child.keyNode.error("code '\(child.key)' of \(what) nests children more than one level deep")
                        }
                        try add(child.key, child.keyNode, child.value, parent: codeEntry.key)
                    }
                }
            }
            guard !codes.isEmpty else { throw codesNode.error("\(what) has no codes") }
            facets.append(
                Facet(
                    key: entry.key, multiValued: multiValued, reporter: reporter,
                    labels: try labels(entry.value, what), codes: codes))
        }
        for required in requiredFacets where !facets.contains(where: { $0.key == required }) {
            throw facetsNode.error("facets lack '\(required)'")
        }

        var flags: [String: [String: String]] = [:]
        if let flagsNode = root.optional("flags") {
            for entry in try flagsNode.entries("flags") {
                try checkCode(entry.key, entry.keyNode, what: "flag")
                flags[entry.key] = try labels(entry.value, "flag '\(entry.key)'")
            }
        }

        var bezirke: [String: [String: String]] = [:]
        for entry in try root.required("regierungsbezirke", in: "the taxonomy").entries("regierungsbezirke") {
            try checkCode(entry.key, entry.keyNode, what: "Regierungsbezirk")
            bezirke[entry.key] = try labels(entry.value, "Regierungsbezirk '\(entry.key)'")
        }

        var regions: [Region] = []
        let regionsNode = try root.required("regions", in: "the taxonomy")
        for entry in try regionsNode.entries("regions") {
            let what = "region '\(entry.key)'"
            guard entry.key.count == 5, entry.key.allSatisfy(\.isASCII), entry.key.allSatisfy(\.isNumber) else {
                throw entry.keyNode.error("\(what): a region key is the five-digit Kreis key, quoted")
            }
            let bezirkNode = try entry.value.required("regierungsbezirk", in: what)
            let bezirk = try bezirkNode.string("regierungsbezirk of \(what)")
            guard bezirke[bezirk] != nil else {
                throw bezirkNode.error("\(what) names the unknown Regierungsbezirk '\(bezirk)'")
            }
            regions.append(
                Region(
                    key: entry.key,
                    name: try entry.value.required("name", in: what).string("name of \(what)"),
                    kind: try entry.value.required("kind", in: what).string("kind of \(what)"),
                    regierungsbezirk: bezirk
                ))
        }
        guard !regions.isEmpty else { throw regionsNode.error("regions is empty") }

        return Taxonomy(
            version: version, languages: languages, facets: facets, flags: flags,
            regierungsbezirke: bezirke, regions: regions)
    }

    private static func checkCode(_ code: String, _ node: PolicyNode, what: String) throws {
        try node.checkCode(code, what: what)
    }
}
