import Testing

@testable import Web

@Suite struct UploadGateTests {
    /// Two places: a third upload while two are inside is refused without running; once one
    /// leaves (even by throwing), the next is admitted.
    @Test func theGateAdmitsUpToItsLimit() async throws {
        let gate = UploadGate(limit: 2)
        let (entered, enteredSignal) = AsyncStream<Void>.makeStream()
        let releases = (0..<2).map { _ in AsyncStream<Void>.makeStream() }
        let holders = releases.map { release in
            Task {
                await gate.admit {
                    enteredSignal.yield()
                    for await _ in release.stream { break }
                    return true
                }
            }
        }
        var iterator = entered.makeAsyncIterator()
        _ = await iterator.next()
        _ = await iterator.next()
        var ran = false
        let refused = await gate.admit {
            ran = true
            return 1
        }
        #expect(refused == nil && !ran, "a third upload is refused while two are read")
        for release in releases { release.continuation.yield() }
        for holder in holders { #expect(await holder.value == true) }
        await #expect(throws: CancellationError.self) { _ = try await gate.admit { throw CancellationError() } }
        #expect(await gate.admit { 3 } == 3, "places are given back, also by a throwing upload")
    }
}
