package org.coro4j;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Resolves host names for {@link Asyncio#openConnection} and {@link Asyncio#startServer} without
 * blocking the loop [Python: {@code loop.getaddrinfo}, run in the default executor]: a name is
 * looked up on a worker thread; an IP address literal needs no lookup and is parsed at once.
 */
final class NameResolution {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private NameResolution() {
    }

    /** A future of the addresses of {@code host} (null: the loopback address); fails with {@link UnknownHostException}. */
    static Future<InetAddress[]> resolve(EventLoop loop, String host) {
        if (host == null || IPV4_LITERAL.matcher(host).matches() || host.indexOf(':') >= 0) {
            Future<InetAddress[]> parsed = new Future<>(loop);
            try {
                parsed.complete(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                parsed.fail(e);
            }
            return parsed;
        }
        return ThreadWork.start(loop, () -> InetAddress.getAllByName(host));
    }
}
