package org.coro4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * The future {@link Asyncio#openConnection} returns [Python: {@code asyncio.open_connection}]: the
 * host name is resolved off the loop thread ({@link NameResolution}), then each address is tried in turn until one connects.
 * It fails with the first address's error (the others' are suppressed in it). Cancelling it stops
 * the attempt and closes the socket.
 */
final class Connecting extends Future<Connection> {
    private final int port;
    private final StreamOptions options;
    private InetAddress[] addresses;
    private int next;
    private Throwable firstError;
    private Future<?> step;
    private SocketChannel socket;

    private Connecting(EventLoop loop, int port, StreamOptions options) {
        super(loop);
        this.port = port;
        this.options = options;
    }

    static Future<Connection> start(EventLoop loop, String host, int port, StreamOptions options) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Connecting connecting = new Connecting(loop, port, options);
        Future<InetAddress[]> resolving = NameResolution.resolve(loop, host);
        connecting.step = resolving;
        resolving.addDoneCallback(resolved -> {
            if (connecting.isDone()) {
                return;
            }
            if (resolved.isCancelled()) {
                connecting.cancelFuture(null);
            } else if (resolved.exception() != null) {
                connecting.fail(resolved.exception());
            } else {
                connecting.addresses = resolved.result();
                connecting.tryNext();
            }
        });
        return connecting;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        step.cancel();
        closeSocket();
        return true;
    }

    private void tryNext() {
        if (next == addresses.length) {
            fail(firstError);
            return;
        }
        InetSocketAddress address = new InetSocketAddress(addresses[next++], port);
        try {
            socket = SocketChannel.open();
        } catch (IOException e) {
            failed(e);
            return;
        }
        Future<Void> connected = loop().sockConnect(socket, address);
        step = connected;
        connected.addDoneCallback(done -> {
            if (isDone()) {
                return;
            }
            Throwable error = done.exception();
            if (error != null) {
                failed(error);
                return;
            }
            try {
                complete(StreamProtocol.open(loop(), socket, options, null));
            } catch (IOException e) {
                failed(e);
            }
        });
    }

    private void failed(Throwable error) {
        closeSocket();
        if (firstError == null) {
            firstError = error;
        } else {
            firstError.addSuppressed(error);
        }
        tryNext();
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing was connected
            }
            socket = null;
        }
    }
}
