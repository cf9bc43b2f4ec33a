package io.webprobe.testsupport;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A probe that answers every request without a network, for what a test cannot push a real
 * machine into (no file descriptor left, no memory left). Thread-safe when its answer is.
 */
public final class StubProbe implements HttpProbe {
    private final Function<FetchRequest, FetchResponse> answer;

    public StubProbe(Function<FetchRequest, FetchResponse> answer) {
        this.answer = answer;
    }

    /** Every request fails as one that found no file descriptor left in this process. */
    public static StubProbe outOfFiles() {
        return new StubProbe(r -> FetchResponse.failed(r.uri(), ErrorKind.IO,
                ErrorClassifier.OUT_OF_FILES, 0));
    }

    /** Every request throws what {@code error} makes (an {@link OutOfMemoryError}). */
    public static StubProbe throwing(Supplier<? extends Error> error) {
        return new StubProbe(r -> {
            throw error.get();
        });
    }

    @Override
    public FetchResponse fetch(FetchRequest request) {
        return answer.apply(request);
    }

    @Override
    public void close() {}
}
