/// The tests' own exact fraction (trapping on overflow, which test counts never reach), so the
/// LP oracle shares nothing with the module's `Rational`.
struct OracleFraction: Comparable {
    var top: Int
    var bottom: Int

    init(_ top: Int, _ bottom: Int = 1) {
        var (a, b) = (abs(top), abs(bottom))
        while b != 0 { (a, b) = (b, a % b) }
        let divisor = max(a, 1) * (bottom < 0 ? -1 : 1)
        self.top = top / divisor
        self.bottom = bottom / divisor
    }

    static let zero = OracleFraction(0)
    var isZero: Bool { top == 0 }

    static func + (l: OracleFraction, r: OracleFraction) -> OracleFraction {
        OracleFraction(l.top * r.bottom + r.top * l.bottom, l.bottom * r.bottom)
    }
    static func - (l: OracleFraction, r: OracleFraction) -> OracleFraction {
        OracleFraction(l.top * r.bottom - r.top * l.bottom, l.bottom * r.bottom)
    }
    static func * (l: OracleFraction, r: OracleFraction) -> OracleFraction { OracleFraction(l.top * r.top, l.bottom * r.bottom) }
    static func / (l: OracleFraction, r: OracleFraction) -> OracleFraction { OracleFraction(l.top * r.bottom, l.bottom * r.top) }
    static func < (l: OracleFraction, r: OracleFraction) -> Bool { l.top * r.bottom < r.top * l.bottom }
    static func == (l: OracleFraction, r: OracleFraction) -> Bool { l.top == r.top && l.bottom == r.bottom }
}
