/// Choosing what to merge: global recoding as statistical offices do it before cell
/// suppression (docs/disclosure-control.md, "Recoding").
extension RecodingMap {
    /// For every dimension `rules` allow, the rare codes of the publication's exact `tables`
    /// merged: a rare subtype into its parent when the parent's family is not rare
    /// (`rassistisch_mit_untertypen`), every other rare code (whole rare families included)
    /// into `sonstige_zusammengefasst` together with the dimension's own "sonstige" code if it
    /// has one. A code is rare when some table counts it 1…`below - 1` times, or when most of
    /// its non-zero cells in a two-dimensional table do (a row that would read "<5" and "–");
    /// zeros and `keine_angabe` are never merged (a zero names no one, and "no answer" is no
    /// category).
    /// A group that would hold a single code is not made; `rules.keep` codes are never merged.
    public static func choose(for tables: [StatTable], rules: RecodingRules, hierarchies: [CodeHierarchy]) -> RecodingMap {
        guard rules.isEnabled else { return RecodingMap() }
        var groups: [String: [String: [String]]] = [:]
        for dimension in rules.dimensions.sorted() {
            let sizes = Self.sizes(of: dimension, in: tables)
            guard let codes = sizes.first?.map(\.code) else { continue }
            func isRare(_ members: [String]) -> Bool {
                sizes.contains { table in
                    let total = table.filter { members.contains($0.code) }.reduce(0) { $0 + $1.count }
                    return total > 0 && total < rules.below
                }
            }
            func isNonZero(_ code: String) -> Bool { sizes.contains { $0.contains { $0.code == code && $0.count > 0 } } }
            let thinLines = Self.thinLines(of: dimension, in: tables, below: rules.below)
            let candidates = codes.filter { code in
                code != StatDimension.missing && !rules.keep.contains(code) && isNonZero(code)
                    && (isRare([code]) || thinLines.contains(code))
            }
            guard !candidates.isEmpty else { continue }
            let hierarchy = hierarchies.first { $0.detailed == dimension }
            var other: [String] = []
            var merged: [String: [String]] = [:]
            for code in candidates {
                guard let hierarchy, let family = hierarchy.covers.values.first(where: { $0.count > 1 && $0.contains(code) }),
                    let parent = family.first, codes.contains(parent), !isRare(family)
                else {
                    other.append(code)
                    continue
                }
                // A rare subtype joins its parent; a parent rare alone but with a family that is
                // not stays itself unless a subtype joins it.
                if code != parent { merged[parent + parentSuffix, default: [parent]].append(code) }
            }
            // A rare family goes into "sonstige" whole: its parent and every subtype counted.
            if let hierarchy {
                for code in other {
                    let family = hierarchy.covers.values.first { $0.contains(code) } ?? []
                    other += family.filter { isNonZero($0) && !other.contains($0) && !rules.keep.contains($0) }
                }
            }
            let ownOther = codes.first { code in code.hasPrefix("sonstig") && (hierarchy.map { $0.covers[code] != nil } ?? true) }
            if let ownOther, !other.contains(ownOther), !other.isEmpty { other.append(ownOther) }
            if other.count >= 2 { merged[otherCode] = other }
            merged = merged.filter { $0.value.count >= 2 }.mapValues { members in codes.filter(members.contains) }
            if !merged.isEmpty { groups[dimension] = merged }
        }
        return RecodingMap(groups: groups)
    }

    /// Codes whose line in some two-dimensional table has more small non-zero cells (1…`below - 1`)
    /// than larger ones, and fewer than `thinLineLimit` times `below` counts in all: suppression
    /// would leave the line mostly "<5" and "–". A larger category (work, housing) stays itself
    /// however its cases spread; its small cells are suppressed as before.
    static func thinLines(of dimension: String, in tables: [StatTable], below: Int) -> Set<String> {
        var thin = Set<String>()
        for table in tables where table.dimensions.count == 2 && table.dimensions.contains(dimension) {
            var small: [String: Int] = [:]
            var large: [String: Int] = [:]
            var total: [String: Int] = [:]
            for cell in table.cells {
                guard let code = cell.key[dimension], let count = cell.count, count > 0 else { continue }
                total[code, default: 0] += count
                if count < below { small[code, default: 0] += 1 } else { large[code, default: 0] += 1 }
            }
            thin.formUnion(small.filter { $0.value > large[$0.key, default: 0] && total[$0.key, default: 0] < thinLineLimit * below }.keys)
        }
        return thin
    }

    /// A line of fewer than this many times `below` counts may be merged for being thin.
    static let thinLineLimit = 4

    /// Per table with the dimension: each code's count along it (the cell of a one-dimensional
    /// table, the row or column margin of a two-dimensional one), in table order.
    static func sizes(of dimension: String, in tables: [StatTable]) -> [[(code: String, count: Int)]] {
        tables.filter { $0.dimensions.contains(dimension) }.map { table in
            let counts = table.dimensions.count == 1 ? table.cells : table.margins.filter { $0.key.count == 1 }
            return counts.compactMap { cell in cell.key[dimension].map { ($0, cell.count ?? 0) } }
        }
    }
}
