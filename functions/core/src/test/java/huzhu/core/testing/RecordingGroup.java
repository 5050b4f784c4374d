package huzhu.core.testing;

import huzhu.core.group.GroupAnnouncements;
import huzhu.core.group.GroupFact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The union's group chats as a test sees them: every fact announced, in order, with how many SMS had been sent
 * when it was (a group must never come before the SMS it follows), and how many had been sent each time a function
 * waited for its posts.
 */
public final class RecordingGroup implements GroupAnnouncements {
    /** A fact, and the number of SMS sent before it was announced. */
    public record Heard(GroupFact fact, int smsSentBefore) {
    }

    private final List<Heard> heard = new ArrayList<>();
    private final List<Integer> awaited = new ArrayList<>();
    private final IntSupplier smsSent;

    public RecordingGroup(RecordingMessenger messenger) {
        this.smsSent = () -> messenger.attempts().size();
    }

    @Override
    public synchronized void announce(GroupFact fact) {
        heard.add(new Heard(fact, smsSent.getAsInt()));
    }

    @Override
    public synchronized boolean awaitPosted(Duration max) {
        awaited.add(smsSent.getAsInt());
        return true;
    }

    /** How many SMS had been sent each time {@link #awaitPosted} was called, in order. */
    public synchronized List<Integer> awaited() {
        return List.copyOf(awaited);
    }

    public synchronized List<Heard> heard() {
        return List.copyOf(heard);
    }

    public synchronized List<GroupFact> facts() {
        return heard.stream().map(Heard::fact).toList();
    }

    /** The facts of one kind, in order. */
    public synchronized <T extends GroupFact> List<T> facts(Class<T> kind) {
        return heard.stream().map(Heard::fact).filter(kind::isInstance).map(kind::cast).toList();
    }

    public synchronized void clear() {
        heard.clear();
    }
}
