package org.coro4j;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The loop's one-shot socket operations [Python: {@code loop.sock_accept}, {@code sock_connect},
 * {@code sock_recv_into}, {@code sock_sendall}]: each tries at once, and if the socket is not ready
 * registers a reader or writer that retries until it is done. Cancelling the future unregisters it.
 */
final class SocketOperations<T> extends Future<T> {
    private final SelectableChannel channel;
    private final boolean writing;

    private SocketOperations(EventLoop loop, SelectableChannel channel, boolean writing) {
        super(loop);
        this.channel = channel;
        this.writing = writing;
    }

    static Future<SocketChannel> accept(EventLoop loop, ServerSocketChannel server) {
        SocketOperations<SocketChannel> future = new SocketOperations<>(loop, server, false);
        future.attempt(() -> {
            SocketChannel accepted = server.accept();
            if (accepted == null) {
                return false;
            }
            accepted.configureBlocking(false);
            future.complete(accepted);
            return true;
        });
        return future;
    }

    static Future<Void> connect(EventLoop loop, SocketChannel socket, SocketAddress address) {
        SocketOperations<Void> future = new SocketOperations<>(loop, socket, true);
        try {
            socket.configureBlocking(false);
            if (socket.connect(address)) {
                future.complete(null);
                return future;
            }
        } catch (IOException | RuntimeException e) {
            future.fail(e);
            return future;
        }
        future.attempt(() -> {
            if (!socket.finishConnect()) {
                return false;
            }
            future.complete(null);
            return true;
        });
        return future;
    }

    static Future<Integer> receive(EventLoop loop, SocketChannel socket, ByteBuffer buffer) {
        SocketOperations<Integer> future = new SocketOperations<>(loop, socket, false);
        future.attempt(() -> {
            int count = socket.read(buffer);
            if (count == 0 && buffer.hasRemaining()) {
                return false;
            }
            future.complete(count);
            return true;
        });
        return future;
    }

    static Future<Void> sendAll(EventLoop loop, SocketChannel socket, ByteBuffer buffer) {
        SocketOperations<Void> future = new SocketOperations<>(loop, socket, true);
        future.attempt(() -> {
            socket.write(buffer);
            if (buffer.hasRemaining()) {
                return false;
            }
            future.complete(null);
            return true;
        });
        return future;
    }

    @Override
    public boolean cancel(String message) {
        if (!cancelFuture(message)) {
            return false;
        }
        unwatch();
        return true;
    }

    /** Runs {@code step} now, and each time the channel is ready until it returns true or throws. */
    private void attempt(Step step) {
        try {
            channel.configureBlocking(false);
            if (step.done()) {
                return;
            }
            Runnable retry = () -> {
                if (isDone()) {
                    unwatch();
                    return;
                }
                try {
                    if (step.done()) {
                        unwatch();
                    }
                } catch (IOException | RuntimeException e) {
                    unwatch();
                    fail(e);
                }
            };
            if (writing) {
                loop().addWriter(channel, retry);
            } else {
                loop().addReader(channel, retry);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void unwatch() {
        if (writing) {
            loop().removeWriter(channel);
        } else {
            loop().removeReader(channel);
        }
    }

    /** One try at the operation: true once it is done (the future completed). */
    @FunctionalInterface
    private interface Step {
        boolean done() throws IOException;
    }
}
