package org.coro4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The futures {@link Asyncio#asCompleted} returns [Python: {@code asyncio.as_completed}]: the i-th
 * completes like the i-th input to finish; after the timeout the rest fail with
 * {@link AsyncTimeoutException}.
 */
final class AsCompleted<T> {
    private final List<Future<T>> outputs;
    private int nextOutput;
    private TimerHandle deadline;

    private AsCompleted(EventLoop loop, int size) {
        this.outputs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            outputs.add(new Future<>(loop));
        }
    }

    static <T> List<Future<T>> start(EventLoop loop, Collection<?> awaitables, double timeoutSeconds) {
        Arguments.notNull(awaitables, "asCompleted: the futures");
        Arguments.delay(timeoutSeconds, "asCompleted");
        List<Future<T>> inputs = new ArrayList<>();
        for (Object awaitable : new LinkedHashSet<>(awaitables)) {
            inputs.add(Awaitables.toFuture(loop, awaitable));
        }
        AsCompleted<T> completion = new AsCompleted<>(loop, inputs.size());
        for (Future<T> input : inputs) {
            input.addDoneCallback(completion::inputDone);
        }
        if (!inputs.isEmpty() && timeoutSeconds != Double.POSITIVE_INFINITY) {
            completion.deadline = loop.callLater(timeoutSeconds, completion::expire);
        }
        return List.copyOf(completion.outputs);
    }

    private void inputDone(Future<T> input) {
        if (nextOutput == outputs.size()) {
            return;
        }
        outputs.get(nextOutput++).completeLike(input);
        if (nextOutput == outputs.size() && deadline != null) {
            deadline.cancel();
        }
    }

    /** Fails the outputs not yet completed; those nobody awaits are not reported as never retrieved. */
    private void expire() {
        while (nextOutput < outputs.size()) {
            Future<T> output = outputs.get(nextOutput++);
            output.fail(new AsyncTimeoutException("asCompleted: timed out"));
            output.exception();
        }
    }
}
