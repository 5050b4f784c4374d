package huzhu.core.incident;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Leader;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.kernel.Ids;
import huzhu.core.kernel.StaleWrite;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A death in a member's family (白事): urgent, but no emergency alert. It is kept as an incident of type
 * {@link IncidentType#BEREAVEMENT}, taken in hand by the union from the start (acknowledged, no deadline, nobody
 * alerted, so nothing escalates), and the union's leaders of every level of the policy are told at once by SMS, and
 * the leaders' group. The care that follows (the checklist) is the care package's.
 */
final class Bereavements {
    private final IncidentStore incidents;
    private final DirectoryStore directory;
    private final SettingsStore settings;
    private final Outbound out;
    private final LeaderNews news;
    private final IncidentTexts texts;
    private final Clock clock;
    private final Ids ids;
    private final EscalationPolicy defaultPolicy;

    Bereavements(IncidentStore incidents, DirectoryStore directory, SettingsStore settings, Outbound out,
            LeaderNews news, IncidentTexts texts, Clock clock, Ids ids, EscalationPolicy defaultPolicy) {
        this.incidents = incidents;
        this.directory = directory;
        this.settings = settings;
        this.out = out;
        this.news = news;
        this.texts = texts;
        this.clock = clock;
        this.ids = ids;
        this.defaultPolicy = defaultPolicy;
    }

    /**
     * Records it and tells the leaders; {@code request.id()} preassigned makes a repeat (an SMS redelivered) return
     * the one recorded, telling nobody again. {@code who} is the deceased as the leaders read it ("父亲 王德福").
     */
    Incident record(Dispatcher.NewIncident request, String who, String actor) {
        Member member = directory.members().get(request.memberId()).orElseThrow(() -> new NotFound("member"));
        if (request.id() != null) {
            Incident existing = incidents.get(request.id()).orElse(null);
            if (existing != null) return existing;
        }
        Instant now = clock.instant();
        EscalationPolicy policy = settings.escalationPolicy().orElse(defaultPolicy);
        Set<String> activeCodes = incidents.active().stream().map(Incident::code).collect(Collectors.toSet());
        Map<String, Leader> leaders = new LinkedHashMap<>();
        policy.levels().stream().map(PolicyLevel::leaderLevel).filter(Objects::nonNull).distinct().sorted()
                .forEach(level -> directory.leadersAtLevel(level).forEach(l -> leaders.putIfAbsent(l.phone(), l)));

        Incident.Builder b = Incident.opening(request.id() != null ? request.id() : ids.newId(),
                IncidentCodes.next(ids, activeCodes), member.id(), IncidentType.BEREAVEMENT, request.message(), null,
                request.reporter(), member.language(), now, policy, 0);
        b.acknowledge(now);
        b.note(now, "bereavement", texts.timeline("timeline.bereavement", Map.of("who", who,
                "message", IncidentTexts.orEmpty(request.message()))), actor);
        b.note(now, "leaders-told", texts.timeline("timeline.bereavement.leaders", Map.of("names",
                leaders.values().stream().map(Leader::name).collect(Collectors.joining("、")))), "system");
        Incident created = b.build();
        try {
            incidents.create(created);
        } catch (StaleWrite exists) {
            return incidents.get(created.id()).orElseThrow(() -> exists);
        }
        JsonLog.info("incident.bereavement", "incidentId", created.id(), "code", created.code(), "leaders",
                leaders.size(), "channel", request.reporter().channel().wire());
        List<OutboundSms> told = new ArrayList<>();
        for (Leader l : leaders.values()) {
            told.add(OutboundSms.onRecord(l.phone(), texts.bereavementLeader(l.language(), created, member, who),
                    created.id()));
        }
        out.sendAll(told);
        news.bereavement(created, member);
        return created;
    }
}
