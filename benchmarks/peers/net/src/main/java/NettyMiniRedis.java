import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mini-redis of coro4j's examples on Netty 4.1, as a Netty user writes a server that must be
 * fast: one NIO event loop thread for accepting and for every connection, a
 * {@link ByteToMessageDecoder} that parses RESP2 commands out of the cumulated input and runs them
 * at once, replies gathered in one buffer per read and flushed when the read is complete
 * ({@code channelReadComplete}), so a pipeline gets one write per read and a lone command its reply
 * at once.
 *
 * <pre>java -cp CLASSPATH NettyMiniRedis PORT</pre>
 */
public final class NettyMiniRedis {
    private NettyMiniRedis() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        RedisCommands commands = new RedisCommands();
        EventLoopGroup group = new NioEventLoopGroup(1);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 511)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new RespHandler(commands));
                        }
                    });
            bootstrap.bind("127.0.0.1", port).sync().channel().closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** Parses the commands of one connection and writes their replies. */
    static final class RespHandler extends ByteToMessageDecoder {
        private final RedisCommands commands;
        private final List<byte[]> args = new ArrayList<>();
        private byte[][] argv = new byte[4][];
        private ByteBuf replies;
        private ByteBufOutputStream out;

        RespHandler(RedisCommands commands) {
            this.commands = commands;
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> unused) throws IOException {
            while (in.isReadable()) {
                int start = in.readerIndex();
                args.clear();
                String error;
                try {
                    if (!(in.getByte(start) == '*' ? multibulk(in) : inline(in))) {
                        in.readerIndex(start);
                        return;
                    }
                    error = null;
                } catch (ProtocolException e) {
                    error = e.getMessage();
                }
                if (replies == null) {
                    replies = ctx.alloc().ioBuffer();
                    out = new ByteBufOutputStream(replies);
                }
                if (error != null) {
                    RedisCommands.error(error, out);
                    ByteBuf last = replies;
                    replies = null;
                    in.skipBytes(in.readableBytes());
                    ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
                if (!args.isEmpty()) {
                    argv = args.toArray(argv);
                    commands.execute(argv, args.size(), out);
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            if (replies != null) {
                ByteBuf batch = replies;
                replies = null;
                ctx.writeAndFlush(batch);
            }
            super.channelReadComplete(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        /** {@code *N\r\n} then N {@code $len\r\nbytes\r\n}; false if not all there yet. */
        private boolean multibulk(ByteBuf in) throws ProtocolException {
            long count = line(in, 1, "invalid multibulk length");
            if (count == Long.MIN_VALUE) {
                return false;
            }
            if (count > 1024 * 1024) {
                throw new ProtocolException("ERR Protocol error: invalid multibulk length");
            }
            for (long i = 0; i < count; i++) {
                if (!in.isReadable()) {
                    return false;
                }
                byte type = in.getByte(in.readerIndex());
                if (type != '$') {
                    throw new ProtocolException("ERR Protocol error: expected '$', got '" + (char) type + "'");
                }
                long length = line(in, 1, "invalid bulk length");
                if (length == Long.MIN_VALUE) {
                    return false;
                }
                if (length < 0 || length > 512L * 1024 * 1024) {
                    throw new ProtocolException("ERR Protocol error: invalid bulk length");
                }
                if (in.readableBytes() < length + 2) {
                    return false;
                }
                byte[] arg = new byte[(int) length];
                in.readBytes(arg);
                in.skipBytes(2);
                args.add(arg);
            }
            return true;
        }

        /** The number on the line at the reader index after {@code skip} bytes; MIN_VALUE if the line is incomplete. */
        private static long line(ByteBuf in, int skip, String what) throws ProtocolException {
            int start = in.readerIndex();
            int newline = in.indexOf(start, in.writerIndex(), (byte) '\n');
            if (newline < 0) {
                return Long.MIN_VALUE;
            }
            int end = newline > start && in.getByte(newline - 1) == '\r' ? newline - 1 : newline;
            long value = 0;
            boolean negative = false;
            int i = start + skip;
            if (i < end && in.getByte(i) == '-') {
                negative = true;
                i++;
            }
            if (i == end || end - i > 18) {
                throw new ProtocolException("ERR Protocol error: " + what);
            }
            for (; i < end; i++) {
                byte digit = in.getByte(i);
                if (digit < '0' || digit > '9') {
                    throw new ProtocolException("ERR Protocol error: " + what);
                }
                value = value * 10 + (digit - '0');
            }
            in.readerIndex(newline + 1);
            return negative ? -value : value;
        }

        /** A line of words separated by spaces; false if the line is incomplete. */
        private boolean inline(ByteBuf in) {
            int start = in.readerIndex();
            int newline = in.indexOf(start, in.writerIndex(), (byte) '\n');
            if (newline < 0) {
                return false;
            }
            int end = newline > start && in.getByte(newline - 1) == '\r' ? newline - 1 : newline;
            int i = start;
            while (i < end) {
                while (i < end && in.getByte(i) == ' ') {
                    i++;
                }
                int wordStart = i;
                while (i < end && in.getByte(i) != ' ') {
                    i++;
                }
                if (i > wordStart) {
                    byte[] word = new byte[i - wordStart];
                    in.getBytes(wordStart, word);
                    args.add(word);
                }
            }
            in.readerIndex(newline + 1);
            return true;
        }
    }

    /** A request that does not follow RESP2: replied with its message, then the connection closes. */
    static final class ProtocolException extends Exception {
        ProtocolException(String message) {
            super(message, null, false, false);
        }
    }
}
