/// A `RandomSource` held as an existential, so a service can take its generator from an
/// injected factory (libsodium in production, a seeded one in tests) and still pass it `inout`.
struct BoxedRandomSource: RandomSource {
    var base: any RandomSource

    mutating func uniform(below upperBound: UInt64) -> UInt64 {
        base.uniform(below: upperBound)
    }
}
