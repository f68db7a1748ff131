extension [CodeHierarchy] {
    /// The detailed dimension a key names (`ground_top` → `ground`), or the key itself: a
    /// year table and a quarter table share a dimension when these agree.
    func detailedDimension(_ dimension: String) -> String {
        first { $0.topLevel == dimension }?.detailed ?? dimension
    }
}
