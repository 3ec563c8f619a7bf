package org.creditdesk.shared.database;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of the modules' asynchronous event listeners ({@code @ApplicationModuleListener}), bounded by the
 * connection pool. Spring Modulith marks an event publication completed in a transaction of its own while the
 * listener's transaction still holds its connection, so every listener needs a second connection at its end. With
 * one virtual thread per listener all of them ran at once: the demo replays 43 daily runs, each starting about seven
 * listeners (scoring takes seconds), and when the 20 connections were each held by a listener waiting for a second
 * one, nothing moved until the pool's 30 s timeout and the demo failed ("Connection is not available", one start in
 * eight on the session-9 build). Now at most {@link #listenerThreads} listeners run at a time and the rest wait in
 * the queue, so listeners alone can never hold every connection while waiting for another, and requests keep two.
 */
@Configuration(proxyBeanMethods = false)
class ListenerExecutorConfiguration implements AsyncConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    ListenerExecutorConfiguration(DatabaseSettings settings) {
        int threads = listenerThreads(settings.poolSize());
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("listener-");
        executor.initialize();
    }

    /** Listeners at a time for a pool of {@code poolSize}: two connections each, two left for requests. */
    static int listenerThreads(int poolSize) {
        return Math.max(1, (poolSize - 2) / 2);
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
