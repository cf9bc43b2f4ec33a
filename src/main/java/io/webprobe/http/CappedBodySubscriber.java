package io.webprobe.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a byte cap, keeping it in memory or only counting it. When the cap
 * is reached the subscription is cancelled (so the rest is never downloaded) and the body
 * completes as truncated. Called by the HTTP client's threads, one signal at a time.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBodySubscriber.Body> {

    /** What was read. {@code bytes} is null when the body was only counted. */
    record Body(byte[] bytes, long size, boolean truncated) {}

    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final long cap;
    private final ByteArrayOutputStream kept;
    private Flow.Subscription subscription;
    private long size;

    CappedBodySubscriber(long cap, boolean keep) {
        this.cap = cap;
        this.kept = keep ? new ByteArrayOutputStream(8192) : null;
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : buffers) {
            int n = b.remaining();
            long room = cap - size;
            int take = (int) Math.min(n, room);
            if (kept != null && take > 0) {
                byte[] chunk = new byte[take];
                b.get(chunk);
                kept.write(chunk, 0, take);
            }
            size += take;
            if (n > room) {
                subscription.cancel();
                complete(true);
                return;
            }
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        complete(false);
    }

    private void complete(boolean truncated) {
        result.complete(new Body(kept == null ? null : kept.toByteArray(), size, truncated));
    }
}
