package io.webprobe.http;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a byte cap, keeping it (in memory up to
 * {@link ResponseBody#IN_MEMORY}, beyond in a temporary file: {@link BodyBuffer}) or only
 * counting it. When the cap is reached the subscription is cancelled (so the rest is never
 * downloaded) and the body completes as truncated. Called by the HTTP client's threads, one
 * signal at a time.
 */
final class CappedBodySubscriber implements BodySubscriber<CappedBodySubscriber.Body> {

    /** What was read. {@code body} is null when the body was only counted. */
    record Body(ResponseBody body, long size, boolean truncated) {}

    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final long cap;
    private final BodyBuffer kept;
    private Flow.Subscription subscription;
    private long size;

    /**
     * @param expected the size the headers announce, or -1
     */
    CappedBodySubscriber(long cap, boolean keep, long expected) {
        this.cap = cap;
        this.kept = keep ? new BodyBuffer(expected < 0 ? -1 : Math.min(expected, cap)) : null;
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
                kept.write(b.limit() - b.position() == take ? b
                        : b.slice(b.position(), take));
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
        if (kept != null) {
            kept.discard();
        }
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        complete(false);
    }

    private void complete(boolean truncated) {
        result.complete(kept == null ? new Body(null, size, truncated)
                : new Body(kept.finish(), size, truncated || kept.cut()));
    }
}
