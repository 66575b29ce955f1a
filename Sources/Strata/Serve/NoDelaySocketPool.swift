import FlyingSocks
import Foundation

/// The system's socket pool, with Nagle's algorithm switched off on every socket it waits on.
/// FlyingFox writes a response's header and its body with two writes; with Nagle's algorithm on,
/// the body of a small page waits for the client to acknowledge the header, which a client
/// delays (40 ms on Linux): every small page took 44 ms to serve.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    /// `TCP_NODELAY` from `<netinet/tcp.h>`, which Glibc's module does not bring in.
    static var noDelay: Int32 { 1 }

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Set on the listening socket (Linux hands it on to the sockets it accepts) and on each
        // connection as it first waits for a request; one system call, and harmless if repeated.
        var on: Int32 = 1
        _ = setsockopt(
            socket.file.rawValue, Int32(IPPROTO_TCP), Self.noDelay, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
