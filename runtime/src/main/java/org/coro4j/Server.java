package org.coro4j;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A listening TCP server that runs a {@link ConnectionHandler} in a task of its own for each
 * connection it accepts [Python: {@code asyncio.Server}]. Made by {@link Asyncio#startServer}; it
 * serves from then on. A handler closes its writer when it is done with the connection; one it
 * leaves open stays open until {@link #closeClients()}, {@link #abortClients()} or the loop closes.
 * Use it on its loop's thread only.
 */
public final class Server {
    private final EventLoop loop;
    private final ConnectionHandler handler;
    private final StreamOptions options;
    private final List<ServerSocketChannel> channels;
    private final List<InetSocketAddress> addresses;
    private final int port;
    private final Set<StreamWriter> clients = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Future<Void>> closeWaiters = new ArrayList<>();
    /** What closing the loop does to a server still open: it stops serving, its sockets closed. */
    private final AutoCloseable closer = () -> {
        closed = true;
        serving = false;
        closeChannels();
    };
    private boolean serving;
    private boolean closed;
    private Forever servingForever;

    private Server(EventLoop loop, ConnectionHandler handler, StreamOptions options, List<ServerSocketChannel> channels)
            throws IOException {
        this.loop = loop;
        this.handler = handler;
        this.options = options;
        this.channels = channels;
        List<InetSocketAddress> bound = new ArrayList<>();
        for (ServerSocketChannel channel : channels) {
            bound.add((InetSocketAddress) channel.getLocalAddress());
        }
        this.addresses = Collections.unmodifiableList(bound);
        this.port = bound.get(0).getPort();
        loop.io().own(closer);
    }

    /**
     * Resolves {@code host} off the loop thread (null or empty: every interface), binds a socket to each
     * of its addresses at {@code port} (0: a free port, the same for every socket) and starts serving.
     */
    static Future<Server> start(EventLoop loop, ConnectionHandler handler, String host, int port, StreamOptions options) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        Future<Server> started = new Future<>(loop);
        Future<InetAddress[]> resolving = host == null || host.isEmpty()
                ? Future.completed(loop, null)
                : NameResolution.resolve(loop, host);
        resolving.addDoneCallback(resolved -> {
            if (started.isDone()) {
                return;
            }
            if (resolved.exception() != null) {
                started.fail(resolved.exception());
                return;
            }
            try {
                Server server = new Server(loop, handler, options, bind(resolved.result(), port, options.backlog()));
                server.startServing();
                started.complete(server);
            } catch (IOException | RuntimeException e) {
                started.fail(e);
            }
        });
        return started;
    }

    /** The port the server is bound to. */
    public int port() {
        return port;
    }

    /** The addresses the server listens on; empty once it is closed [Python: {@code Server.sockets}]. */
    public List<InetSocketAddress> sockets() {
        return closed ? List.of() : addresses;
    }

    /** Whether the server accepts connections [Python: {@code Server.is_serving}]. */
    public boolean isServing() {
        return serving;
    }

    /**
     * Stops accepting connections and closes the listening sockets; the connections already open
     * stay open [Python: {@code Server.close}].
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        for (ServerSocketChannel channel : channels) {
            loop.removeReader(channel);
        }
        closeChannels();
        loop.io().disown(closer);
        if (servingForever != null) {
            servingForever.cancelFuture(null);
            servingForever = null;
        }
        wakeCloseWaiters();
    }

    /** Closes every open connection of this server, each once its buffered bytes are sent [Python: {@code close_clients}, 3.13]. */
    public void closeClients() {
        for (StreamWriter client : new ArrayList<>(clients)) {
            client.close();
        }
    }

    /** Closes every open connection of this server at once, dropping buffered bytes [Python: {@code abort_clients}, 3.13]. */
    public void abortClients() {
        for (StreamWriter client : new ArrayList<>(clients)) {
            client.transport().abort();
        }
    }

    /** Done once the server is closed and every connection it accepted is closed [Python: {@code Server.wait_closed}]. */
    public Future<Void> waitClosed() {
        if (closed && clients.isEmpty()) {
            return Future.completed(loop, null);
        }
        Future<Void> waiter = new Future<>(loop);
        closeWaiters.add(waiter);
        return waiter;
    }

    /**
     * A future that stays pending while the server serves; cancelling it closes the server, and
     * closing the server cancels it [Python: {@code Server.serve_forever}].
     */
    public Future<Void> serveForever() {
        if (servingForever != null) {
            throw new IllegalStateException("server " + this + " is already being awaited on serveForever()");
        }
        if (closed) {
            throw new IllegalStateException("server " + this + " is closed");
        }
        servingForever = new Forever(this);
        return servingForever;
    }

    @Override
    public String toString() {
        return "Server[" + addresses + (closed ? ", closed" : "") + ", " + clients.size() + " connections]";
    }

    private static List<ServerSocketChannel> bind(InetAddress[] hosts, int port, int backlog) throws IOException {
        List<ServerSocketChannel> channels = new ArrayList<>();
        IOException firstError = null;
        int chosen = port;
        try {
            for (InetAddress host : hosts == null ? new InetAddress[] {null} : hosts) {
                ServerSocketChannel channel = ServerSocketChannel.open();
                try {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(host == null ? new InetSocketAddress(chosen) : new InetSocketAddress(host, chosen), backlog);
                    channel.configureBlocking(false);
                    chosen = ((InetSocketAddress) channel.getLocalAddress()).getPort();
                    channels.add(channel);
                } catch (IOException e) {
                    channel.close();
                    if (!(e instanceof BindException && hosts != null && hosts.length > 1)) {
                        throw e;
                    }
                    // an address of a family the machine does not enable: serve on the others
                    firstError = firstError == null ? e : firstError;
                }
            }
            if (channels.isEmpty()) {
                throw firstError;
            }
            return channels;
        } catch (IOException | RuntimeException e) {
            for (ServerSocketChannel channel : channels) {
                channel.close();
            }
            throw e;
        }
    }

    private void startServing() {
        serving = true;
        for (ServerSocketChannel channel : channels) {
            loop.addReader(channel, () -> acceptReady(channel));
        }
    }

    /** Accepts up to the backlog of waiting connections [Python: {@code _accept_connection}]. */
    private void acceptReady(ServerSocketChannel channel) {
        for (int i = 0; i < options.backlog() && !closed; i++) {
            SocketChannel socket;
            try {
                socket = channel.accept();
            } catch (IOException e) {
                loop.callExceptionHandler(new ExceptionContext("Error accepting a connection on " + this, e, null));
                pauseAccepting(channel);
                return;
            }
            if (socket == null) {
                return;
            }
            serve(socket);
        }
    }

    /** After an accept error (out of file descriptors...), stops accepting for a second, as asyncio does. */
    private void pauseAccepting(ServerSocketChannel channel) {
        loop.removeReader(channel);
        loop.callLater(1.0, () -> {
            if (!closed) {
                loop.addReader(channel, () -> acceptReady(channel));
            }
        });
    }

    private void serve(SocketChannel socket) {
        Connection connection;
        StreamWriter[] writer = new StreamWriter[1];
        try {
            connection = StreamProtocol.open(loop, socket, options, () -> clientLost(writer[0]));
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connection was never served
            }
            loop.callExceptionHandler(new ExceptionContext("Error setting up an accepted connection on " + this, e, null));
            return;
        }
        writer[0] = connection.writer();
        clients.add(connection.writer());
        Task<Void> task;
        try {
            task = loop.createTask(handler.handle(connection.reader(), connection.writer()));
        } catch (Throwable e) {
            handlerFailed(connection.writer(), e, null);
            return;
        }
        task.addDoneCallback(done -> {
            if (!done.isCancelled() && done.exception() != null) {
                handlerFailed(connection.writer(), done.exception(), task);
            }
        });
    }

    private void handlerFailed(StreamWriter writer, Throwable error, Task<?> task) {
        loop.callExceptionHandler(new ExceptionContext("Unhandled exception in the connection handler of " + this, error, task));
        writer.close();
    }

    private void clientLost(StreamWriter writer) {
        clients.remove(writer);
        wakeCloseWaiters();
    }

    private void wakeCloseWaiters() {
        if (!closed || !clients.isEmpty()) {
            return;
        }
        for (Future<Void> waiter : closeWaiters) {
            if (!waiter.isDone()) {
                waiter.complete(null);
            }
        }
        closeWaiters.clear();
    }

    private void closeChannels() {
        for (ServerSocketChannel channel : channels) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing: the listening socket is gone either way
            }
        }
    }

    /** The future of {@link #serveForever()}: cancelling it closes the server. */
    private static final class Forever extends Future<Void> {
        private final Server server;

        Forever(Server server) {
            super(server.loop);
            this.server = server;
        }

        @Override
        public boolean cancel(String message) {
            if (!cancelFuture(message)) {
                return false;
            }
            server.servingForever = null;
            server.close();
            return true;
        }
    }
}
