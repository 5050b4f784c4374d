package huzhu.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A fake function: remembers every event and context it got and answers with {@code answer}. */
final class Recording<I, O> implements RequestHandler<I, O> {
    final List<I> events = new CopyOnWriteArrayList<>();
    final List<Context> contexts = new CopyOnWriteArrayList<>();
    private volatile Function<I, O> answer;

    Recording(Function<I, O> answer) {
        this.answer = answer;
    }

    void answer(Function<I, O> answer) {
        this.answer = answer;
    }

    I only() {
        if (events.size() != 1) throw new AssertionError("expected one event, got " + events.size());
        return events.get(0);
    }

    @Override
    public O handleRequest(I event, Context context) {
        events.add(event);
        contexts.add(context);
        return answer.apply(event);
    }
}
