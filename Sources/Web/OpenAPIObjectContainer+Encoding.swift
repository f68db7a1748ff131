import Foundation
import OpenAPIRuntime

extension OpenAPIObjectContainer {
    /// `value`'s own JSON as a free-form object of the generated interface, for a part of an
    /// answer whose shape the domain type defines (a statistics file, a table): written back, it
    /// is the same JSON, `null`s included, where a generated struct would drop an absent value.
    init(encoding value: some Encodable) throws {
        let bytes = try JSONEncoder().encode(value)
        self = try JSONDecoder().decode(OpenAPIObjectContainer.self, from: bytes)
    }
}
