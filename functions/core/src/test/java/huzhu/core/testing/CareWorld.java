package huzhu.core.testing;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.care.CareConfig;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeBroadcast;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.directory.Volunteer;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Sleeper;
import huzhu.core.sms.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One union in memory for the care stories: introductions, notices, applications. Waiting between bulk SMS
 * batches moves the clock instead of sleeping, and every wait is kept, so a story about 300 recipients takes
 * no real time and can still say how long it would have taken.
 */
public final class CareWorld {
    public static final String UNION_NUMBER = "10690123";
    public static final ServiceConfig CONFIG = new ServiceConfig("https://sos.example.org", null);

    public final InMemoryStore store = new InMemoryStore();
    public final RecordingMessenger messenger = new RecordingMessenger();
    public final MutableClock clock = MutableClock.atT0();
    public final SequentialIds ids = new SequentialIds(9);
    public final List<Duration> waits = new ArrayList<>();
    public final List<Notice> broadcast = new ArrayList<>();
    public final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };
    public final NoticeBroadcast topic = (notice, pageUrl) -> {
        broadcast.add(notice);
        return SendResult.sent("topic-" + broadcast.size());
    };
    /** What the union's group chats were told. */
    public final RecordingGroup group = new RecordingGroup(messenger);
    public final CareConfig care;
    public final Services services;

    public CareWorld() {
        this(new CareConfig(UNION_NUMBER, 10, Duration.ofDays(7), true, Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    public CareWorld(CareConfig care) {
        this(care, CONFIG);
    }

    public CareWorld(CareConfig care, ServiceConfig config) {
        this.care = care;
        this.services = Services.create(store, messenger, LeaderAnnouncements.NONE, group, EscalationTimer.NONE, clock,
                ids, config, new Services.Care(care, topic, sleeper));
    }

    public Member add(Member m) {
        store.directory().members().insert(m);
        return m;
    }

    public Volunteer add(Volunteer v) {
        store.directory().volunteers().insert(v);
        return v;
    }

    public Leader add(Leader l) {
        store.directory().leaders().insert(l);
        return l;
    }

    public Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
