package huzhu.sms.china;

import java.util.List;

/** What became of one push from a provider: its fresh items, or why it was refused (and the HTTP status to say it). */
public sealed interface PushOutcome<T> {

    /**
     * Authenticated and well formed. {@code items} are the fresh ones; {@code stale} counts the items dropped
     * as too old (or dated in the future), which a replay would be.
     */
    record Accepted<T>(List<T> items, int stale) implements PushOutcome<T> {
        public Accepted {
            items = List.copyOf(items);
        }
    }

    /**
     * Refused, changing nothing: 401 without the union's push token or with a wrong one, 403 when every item is
     * outside the freshness window (a replay), 400 when the body is not the provider's format.
     */
    record Rejected<T>(int status, String reason) implements PushOutcome<T> {
    }
}
