package huzhu.core.service;

import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Notice;
import huzhu.core.model.Volunteer;
import huzhu.core.port.EscalationTimer;
import huzhu.core.port.LeaderAnnouncements;
import huzhu.core.port.NoticeBroadcast;
import huzhu.core.port.SendResult;
import huzhu.core.port.Sleeper;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One union in memory for the care stories: introductions, notices, applications. Waiting between bulk SMS
 * batches moves the clock instead of sleeping, and every wait is kept, so a story about 300 recipients takes
 * no real time and can still say how long it would have taken.
 */
final class CareWorld {
    static final String UNION_NUMBER = "10690123";
    static final ServiceConfig CONFIG = new ServiceConfig("https://sos.example.org", null);

    final InMemoryStore store = new InMemoryStore();
    final RecordingMessenger messenger = new RecordingMessenger();
    final MutableClock clock = MutableClock.atT0();
    final SequentialIds ids = new SequentialIds(9);
    final List<Duration> waits = new ArrayList<>();
    final List<Notice> broadcast = new ArrayList<>();
    final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };
    final NoticeBroadcast topic = (notice, pageUrl) -> {
        broadcast.add(notice);
        return SendResult.sent("topic-" + broadcast.size());
    };
    final CareConfig care;
    final Services services;

    CareWorld() {
        this(new CareConfig(UNION_NUMBER, 10, Duration.ofDays(7), true, Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }

    CareWorld(CareConfig care) {
        this(care, CONFIG);
    }

    CareWorld(CareConfig care, ServiceConfig config) {
        this.care = care;
        this.services = Services.create(store, messenger, LeaderAnnouncements.NONE, EscalationTimer.NONE, clock, ids,
                config, new Services.Care(care, topic, sleeper));
    }

    Member add(Member m) {
        store.members().insert(m);
        return m;
    }

    Volunteer add(Volunteer v) {
        store.volunteers().insert(v);
        return v;
    }

    Leader add(Leader l) {
        store.leaders().insert(l);
        return l;
    }

    Duration waited() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
