import Casework
import Foundation
import Sealing
import SichtbarCore

extension StatisticsPolicy {
    /// Loads and checks `statistics.yaml` against the taxonomy and workflow in force; a
    /// problem names the file, line and rule, and the server refuses to start.
    public static func load(from url: URL, vocabulary: StatVocabulary) throws -> StatisticsPolicy {
        try parse(try PolicyNode.text(at: url), file: url.path, vocabulary: vocabulary)
    }

    public static func parse(_ text: String, file: String, vocabulary: StatVocabulary) throws -> StatisticsPolicy {
        let root = try PolicyNode.parse(text, file: file)
        let what = "the statistics policy"
        let version = try root.required("version", in: what).string("version")
        let modeNode = try root.required("mode", in: what)
        guard let mode = Mode(rawValue: try modeNode.string("mode")) else { throw modeNode.error("mode must be exact or dp") }
        let disclosure = try root.required("disclosure", in: what)
        let minimumCount = try disclosure.required("minimum_count", in: "disclosure").integer("minimum_count", in: 2...100)
        let protectionWidth = try disclosure.required("protection_width", in: "disclosure").integer("protection_width", in: 1...100)
        let groupAttribute = try disclosure.required("group_attribute", in: "disclosure").bool("group_attribute")
        let privacy = try root.required("dp", in: what)
        let epsilon = try privacy.required("epsilon_per_release", in: "dp").string("epsilon_per_release")
        let cap = try privacy.required("yearly_cap", in: "dp").string("yearly_cap")

        var tables: [TableSpec] = []
        let tablesNode = try root.required("tables", in: what)
        for node in try tablesNode.elements("tables") {
            let nameNode = try node.required("name", in: "a table")
            let name = try nameNode.string("name")
            try nameNode.checkCode(name, what: "table name")
            guard !tables.contains(where: { $0.name == name }) else { throw nameNode.error("the table '\(name)' is listed twice") }
            let table = "table '\(name)'"
            let unitNode = try node.required("unit", in: table)
            let unitName = try unitNode.string("unit of \(table)")
            guard let unit = StatUnit(rawValue: unitName) else {
                throw unitNode.error(
                    "\(table) has the unknown unit '\(unitName)' (known: \(StatUnit.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let dimensionsNode = try node.required("dimensions", in: table)
            var dimensions: [StatDimension] = []
            for dimensionName in try dimensionsNode.strings("dimensions of \(table)") {
                guard let dimension = StatDimension(policyName: dimensionName), vocabulary.knows(dimension) else {
                    throw dimensionsNode.error("\(table) names the unknown dimension '\(dimensionName)'")
                }
                guard !dimensions.contains(where: { $0.key == dimension.key }) else {
                    throw dimensionsNode.error("\(table) names the dimension '\(dimensionName)' twice")
                }
                dimensions.append(dimension)
            }
            guard dimensions.count <= 2 else {
                throw dimensionsNode.error("\(table) has \(dimensions.count) dimensions; at most two are published")
            }
            if unit.isPlainCount && !dimensions.isEmpty {
                throw dimensionsNode.error("\(table) counts \(unit.rawValue), a plain count with no dimensions")
            }
            let reportsNode = try node.required("reports", in: table)
            let reports = Set(try reportsNode.strings("reports of \(table)"))
            guard !reports.isEmpty, reports.isSubset(of: ["annual", "quarterly"]) else {
                throw reportsNode.error("the reports of \(table) must be annual and/or quarterly")
            }
            tables.append(
                TableSpec(
                    name: name, labels: try node.labels(in: ["de", "en"], table), unit: unit, dimensions: dimensions,
                    reports: reports))
        }
        guard !tables.isEmpty else { throw tablesNode.error("the statistics policy lists no table") }
        if mode == .exact, let problem = quarterShadowProblem(tables, vocabulary: vocabulary) { throw tablesNode.error(problem) }
        let digest = FileDigest.sha256(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        var dimensionCodes: [String: Set<String>] = [:]
        for dimension in tables.flatMap(\.dimensions) { dimensionCodes[dimension.key] = Set(vocabulary.codes(dimension)) }
        var policy = StatisticsPolicy(
            version: version, mode: mode, minimumCount: minimumCount, protectionWidth: protectionWidth,
            groupAttribute: groupAttribute, epsilonPerRelease: epsilon, yearlyCap: cap, tables: tables, digest: digest,
            codeHierarchies: vocabulary.codeHierarchies, dimensionCodes: dimensionCodes)
        if let node = root.optional("recoding") {
            policy.recoding = try recodingRules(node, tables: tables, minimumCount: minimumCount, codes: dimensionCodes)
        }
        return policy
    }

    /// `recoding: {below: N, dimensions: [...]}`: taxonomy facets of the policy's tables only
    /// (kinds, districts, outcomes keep their codes), and `below` at most the minimum count, so
    /// that only codes suppression would hide anyway are merged.
    static func recodingRules(_ node: PolicyNode, tables: [TableSpec], minimumCount: Int, codes: [String: Set<String>]) throws
        -> RecodingRules
    {
        let below = try node.required("below", in: "recoding").integer("below", in: 2...minimumCount)
        let dimensionsNode = try node.required("dimensions", in: "recoding")
        var keys = Set<String>()
        for name in try dimensionsNode.strings("dimensions of recoding") {
            guard let dimension = StatDimension(policyName: name), case .facet = dimension else {
                throw dimensionsNode.error("recoding names '\(name)', which is not a facet of the taxonomy (only facets are recoded)")
            }
            guard tables.contains(where: { $0.dimensions.contains(dimension) }) else {
                throw dimensionsNode.error("recoding names '\(name)', which no table of the policy has")
            }
            keys.insert(dimension.key)
        }
        var keep = Set<String>()
        if let keepNode = node.optional("keep") {
            for code in try keepNode.strings("keep of recoding") {
                guard keys.contains(where: { codes[$0]?.contains(code) ?? false }) else {
                    throw keepNode.error("recoding keeps '\(code)', which is no code of the dimensions it recodes")
                }
                keep.insert(code)
            }
        }
        return RecodingRules(dimensions: keys, below: below, keep: keep)
    }

    /// A year is protected together with its published quarters (docs/disclosure-control.md, "A
    /// year and its quarters"); where that needs more unknown quarter counts than the exact audit
    /// can carry, the policy is refused at start-up rather than the annual report at publication.
    /// Under `mode: dp` nothing is suppressed, so nothing is solved.
    static func quarterShadowProblem(_ tables: [TableSpec], vocabulary: StatVocabulary) -> String? {
        let hierarchies = vocabulary.codeHierarchies
        for table in tables where table.reports.contains("annual") && table.dimensions.count == 2 && table.unit.periodLink != nil {
            let shared = Set(
                tables.filter { $0.reports.contains("quarterly") && $0.unit == table.unit }.flatMap {
                    $0.dimensions.map { hierarchies.detailedDimension($0.key) }
                })
            let keys = table.dimensions.map(\.key)
            let kept = LinkedRelease.shadowDimensions(
                keys, multiValued: table.dimensions.filter(vocabulary.isMultiValued).map(\.key),
                sharedWithQuarters: shared, hierarchies: hierarchies)
            guard kept.count == 2 else { continue }
            let size = 4 * table.dimensions.reduce(1) { $0 * (vocabulary.codes($1).count + 1) }
            if size > LinkedRelease.shadowBudget { return LinkedRelease.overBudget(table.name, size: size) }
        }
        return nil
    }
}
