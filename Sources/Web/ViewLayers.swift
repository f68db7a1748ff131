import Mustache

/// What a template sees: the page's own view model first, then the layers below it (the member
/// header, the page layout). Each layer is a typed view model read through `Mirror` (stored
/// properties only), so a page passes a struct, not a dictionary; the first layer that has a
/// name answers it, the way a page's values used to override the layout's.
struct ViewLayers: MustacheParent {
    let layers: [Any]

    init(_ layers: Any...) {
        self.layers = layers
    }

    func child(named name: String) -> Any? {
        for layer in layers {
            if let value = Self.value(named: name, in: layer) { return value }
        }
        return nil
    }

    /// A layer's value, with an absent optional as no value, so that `{{#name}}` stays closed
    /// and the next layer may answer.
    static func value(named name: String, in layer: Any) -> Any? {
        let found: Any?
        if let parent = layer as? any MustacheParent {
            found = parent.child(named: name)
        } else {
            found = Mirror(reflecting: layer).children.first { $0.label == name }?.value
        }
        guard let found else { return nil }
        let mirror = Mirror(reflecting: found)
        guard mirror.displayStyle == .optional else { return found }
        return mirror.children.first?.value
    }
}
