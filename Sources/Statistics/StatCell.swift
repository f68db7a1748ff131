/// One count of a table: an interior cell (its key names every dimension) or a margin (a
/// subset; `{}` is the grand total). A suppressed count is published as `null` with
/// `suppressed: true`; `primary` tells readers "<5" (or a protected group) from a cell
/// suppressed only so the others cannot be worked out.
public struct StatCell: Codable, Sendable, Equatable, Hashable {
    public var key: [String: String]
    public var count: Int?
    public var suppressed: Bool
    public var primary: Bool

    public init(key: [String: String], count: Int?, suppressed: Bool = false, primary: Bool = false) {
        self.key = key
        self.count = count
        self.suppressed = suppressed
        self.primary = primary
    }

    enum CodingKeys: String, CodingKey { case key, count, suppressed, primary }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode([String: String].self, forKey: .key)
        count = try container.decodeIfPresent(Int.self, forKey: .count)
        suppressed = try container.decodeIfPresent(Bool.self, forKey: .suppressed) ?? false
        primary = try container.decodeIfPresent(Bool.self, forKey: .primary) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        if let count { try container.encode(count, forKey: .count) } else { try container.encodeNil(forKey: .count) }
        if suppressed { try container.encode(true, forKey: .suppressed) }
        if primary { try container.encode(true, forKey: .primary) }
    }
}
