import FlyingSocks
import Foundation
import Testing

@testable import Strata

@Suite struct NoDelaySocketPoolTests {
    /// A pool whose sockets are always ready, so the test sees only what the wrapper does.
    struct ReadyPool: AsyncSocketPool {
        func prepare() async throws {}
        func run() async throws {}
        func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {}
    }

    static func noDelay(_ socket: Socket) -> Int32 {
        var value: Int32 = -1
        var size = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(
            socket.file.rawValue, Int32(IPPROTO_TCP), NoDelaySocketPool<ReadyPool>.noDelay, &value, &size)
        return value
    }

    @Test func aSocketItWaitsOnSendsSmallWritesAtOnce() async throws {
        let socket = try Socket(domain: AF_INET)
        defer { try? socket.close() }
        #expect(Self.noDelay(socket) == 0, "a new TCP socket holds small writes back (Nagle's algorithm)")
        try await NoDelaySocketPool(base: ReadyPool()).suspendSocket(socket, untilReadyFor: [.read])
        #expect(Self.noDelay(socket) != 0, "the preview's sockets send each write at once")
    }
}
