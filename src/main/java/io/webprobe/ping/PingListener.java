package io.webprobe.ping;

/**
 * Receives a ping test's events. {@link #onRequest} is called on the worker threads,
 * concurrently, for every request: it must be fast and must not throw or call back into the
 * job (hand the record to a queue). {@link #onFinished} is called once at the end,
 * before the job's completion future completes.
 */
public interface PingListener {
    PingListener NONE = new PingListener() {};

    default void onRequest(RequestRecord record) {}

    default void onFinished(PingSnapshot last) {}
}
