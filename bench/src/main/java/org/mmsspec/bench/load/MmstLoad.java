package org.mmsspec.bench.load;

import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A load generator for MMS over TCP: many viewers at once on a few NIO event-loop threads, each session a
 * non-blocking state machine ({@link ViewerSession}) instead of a thread, so that a thousand sessions fit on two
 * cores beside the server they load.
 */
public final class MmstLoad implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final EventLoopGroup group;

    /** @param threads event-loop threads shared by every session */
    public MmstLoad(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }

    /** Opens {@code plan.sessions()} sessions at once; the run reports each as it ends. */
    public LoadRun start(LoadPlan plan) {
        LoadRun run = new LoadRun(plan);
        Bootstrap base = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS);
        for (int i = 0; i < plan.sessions(); i++) {
            ViewerSession s = new ViewerSession(run, System.nanoTime());
            base.clone().handler(s.initializer()).connect(plan.server()).addListener(f -> {
                if (!f.isSuccess()) {
                    s.fail("connect: " + f.cause());
                }
            });
        }
        return run;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
