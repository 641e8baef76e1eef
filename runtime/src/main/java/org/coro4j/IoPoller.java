package org.coro4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * How one event loop waits for work, and the channels it watches [Python: the selector of
 * {@code asyncio.SelectorEventLoop}]. Until a channel is first registered the loop parks its thread
 * as if it had no I/O at all; the {@link Selector} is opened then and the loop waits in
 * {@link Selector#select(long)} from that moment on. Other threads wake the waiting loop with
 * {@link #wakeup()}, which costs a volatile read when the loop is not asleep.
 *
 * <p>Everything except {@link #wakeup()} is called on the loop thread.
 */
final class IoPoller {
    private static final VarHandle SLEEPER;

    static {
        try {
            SLEEPER = MethodHandles.lookup().findVarHandle(IoPoller.class, "sleeper", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The size of the buffer every socket of the loop reads into [Python: {@code max_size} of a selector transport]. */
    private static final int READ_BUFFER_SIZE = 64 * 1024;

    /** The loop thread while it waits, so that {@link #wakeup()} knows whom to wake; null while it runs. */
    @SuppressWarnings("unused")
    private volatile Thread sleeper;
    private volatile Selector selector;
    /** Servers and transports the loop owns, closed by {@link #close()}; null until the first. */
    private Set<AutoCloseable> owned;
    private ByteBuffer readBuffer;
    private double quietPeriod = 0.05;

    /** Wakes the loop if it is waiting; callable from any thread. */
    void wakeup() {
        Thread waiting = sleeper;
        if (waiting != null && SLEEPER.compareAndSet(this, waiting, null)) {
            Selector open = selector;
            if (open != null) {
                open.wakeup();
            } else {
                LockSupport.unpark(waiting);
            }
        }
    }

    /**
     * Waits until {@code arrivals} (filled by other threads, which then call {@link #wakeup()}) is not empty, a channel is ready or {@code nanos} have passed (forever if
     * negative), and queues the readiness callbacks of the ready channels on {@code ready}.
     */
    void await(long nanos, Collection<?> arrivals, ReadyQueue ready) {
        sleeper = Thread.currentThread();
        try {
            if (!arrivals.isEmpty()) {
                return;
            }
            Selector open = selector;
            if (open == null) {
                if (nanos < 0) {
                    LockSupport.park(this);
                } else if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                }
                return;
            }
            if (nanos < 0) {
                open.select();
            } else if (nanos == 0) {
                open.selectNow();
            } else {
                open.select(Math.max(1, (nanos + 999_999) / 1_000_000));
            }
            collect(open, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sleeper = null;
        }
    }

    /** Queues the callbacks of the channels ready now, without waiting; does nothing if no channel was ever registered. */
    void poll(ReadyQueue ready) {
        Selector open = selector;
        if (open == null) {
            return;
        }
        try {
            open.selectNow();
            collect(open, ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a channel is registered (or was, until the next select), so that waiting must watch it. */
    boolean hasChannels() {
        Selector open = selector;
        return open != null && !open.keys().isEmpty();
    }

    /** How long a virtual-clock loop watches its channels in real time before it jumps to the next timer. */
    double quietPeriod() {
        return quietPeriod;
    }

    void setQuietPeriod(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("the I/O quiet period must be a finite number of seconds >= 0: " + seconds);
        }
        quietPeriod = seconds;
    }

    /** Calls {@code callback} on the loop thread whenever {@code channel} can be read (or accepted from). */
    void addReader(SelectableChannel channel, Runnable callback) {
        Interest interest = interest(channel);
        if (interest.reader != null) {
            interest.reader.cancel();
        }
        interest.reader = new Handle(callback);
        interest.update();
    }

    /** Calls {@code callback} on the loop thread whenever {@code channel} can be written (or has connected). */
    void addWriter(SelectableChannel channel, Runnable callback) {
        Interest interest = interest(channel);
        if (interest.writer != null) {
            interest.writer.cancel();
        }
        interest.writer = new Handle(callback);
        interest.update();
    }

    boolean removeReader(SelectableChannel channel) {
        Interest interest = registered(channel);
        if (interest == null || interest.reader == null) {
            return false;
        }
        interest.reader.cancel();
        interest.reader = null;
        interest.update();
        return true;
    }

    boolean removeWriter(SelectableChannel channel) {
        Interest interest = registered(channel);
        if (interest == null || interest.writer == null) {
            return false;
        }
        interest.writer.cancel();
        interest.writer = null;
        interest.update();
        return true;
    }

    /** The buffer every socket of this loop reads into, then hands its bytes on at once. */
    ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
        }
        return readBuffer.clear();
    }

    /** Records a server or connection that {@link #close()} must close. */
    void own(AutoCloseable resource) {
        if (owned == null) {
            owned = Collections.newSetFromMap(new IdentityHashMap<>());
        }
        owned.add(resource);
    }

    void disown(AutoCloseable resource) {
        if (owned != null) {
            owned.remove(resource);
        }
    }

    /** Closes every server and connection still owned, then the selector. */
    void close() {
        List<AutoCloseable> resources = owned == null ? List.of() : new ArrayList<>(owned);
        owned = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing everything at loop close: one failure must not keep the others open
            }
        }
        Selector open = selector;
        if (open != null) {
            try {
                for (SelectionKey key : open.keys()) {
                    key.cancel();
                }
                open.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            selector = null;
        }
    }

    private Interest interest(SelectableChannel channel) {
        Interest interest = registered(channel);
        if (interest != null) {
            return interest;
        }
        try {
            channel.configureBlocking(false);
            Selector open = selector();
            SelectionKey cancelled = channel.keyFor(open);
            if (cancelled != null) {
                // a key cancelled since the last select: deregister it before the channel registers again
                open.selectNow();
            }
            Interest created = new Interest(channel);
            created.key = channel.register(open, 0, created);
            return created;
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed: " + channel, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Interest registered(SelectableChannel channel) {
        Selector open = selector;
        if (open == null) {
            return null;
        }
        SelectionKey key = channel.keyFor(open);
        return key == null || !key.isValid() ? null : (Interest) key.attachment();
    }

    private Selector selector() throws IOException {
        Selector open = selector;
        if (open == null) {
            open = Selector.open();
            selector = open;
        }
        return open;
    }

    private static void collect(Selector open, ReadyQueue ready) {
        Set<SelectionKey> selected = open.selectedKeys();
        for (SelectionKey key : selected) {
            if (!key.isValid()) {
                continue;
            }
            Interest interest = (Interest) key.attachment();
            int ops = key.readyOps();
            if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && interest.reader != null) {
                ready.add(interest.reader);
            }
            if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && interest.writer != null) {
                ready.add(interest.writer);
            }
        }
        selected.clear();
    }

    /** The callbacks registered for one channel, attached to its selection key. */
    private static final class Interest {
        final SelectableChannel channel;
        SelectionKey key;
        Handle reader;
        Handle writer;

        Interest(SelectableChannel channel) {
            this.channel = channel;
        }

        /** Sets the key's interest to what the registered callbacks wait for. */
        void update() {
            int valid = channel.validOps();
            int ops = 0;
            if (reader != null) {
                ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
            }
            if (writer != null) {
                // a socket being connected is writable once connected: watch for both, as a poll(2) on it would
                boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
                ops |= valid & (connecting ? SelectionKey.OP_CONNECT | SelectionKey.OP_WRITE : SelectionKey.OP_WRITE);
            }
            if (!key.isValid()) {
                return;
            }
            if (ops == 0) {
                key.cancel();
            } else {
                key.interestOps(ops);
            }
        }
    }
}
