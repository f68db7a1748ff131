import NIOCore
import NIOHTTPTypes

/// Counts its connection against the client address's cap when the connection opens, closes it
/// at once past the cap, and gives the place back when it closes.
final class ConnectionCapHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limiter: ConnectionLimiter
    private var admitted = false

    init(limiter: ConnectionLimiter) {
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { admit(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    private func admit(_ context: ChannelHandlerContext) {
        guard !admitted else { return }
        admitted = true
        switch limiter.admit(context.channel.remoteAddress?.ipAddress) {
        case .uncounted:
            break
        case .counted(let hashed):
            let limiter = self.limiter
            context.channel.closeFuture.whenComplete { _ in limiter.release(hashed) }
        case .refused:
            context.close(promise: nil)
        }
    }
}

@available(*, unavailable)
extension ConnectionCapHandler: Sendable {}
