package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.none;
import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.directory.DirectoryStore;
import huzhu.core.directory.Member;
import huzhu.core.error.NotFound;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.Dispatcher.Response;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an alerted person's answer does (by SMS, "1", or on the ack page): the first to accept takes the incident
 * and everyone else is stood down; the family hears who is coming; declines by everyone move the incident on;
 * arrived and done are recorded. A second accept is told the incident is already taken, by whom.
 */
final class Responses {
    private final IncidentChanges changes;
    private final DirectoryStore directory;
    private final Escalation escalation;
    private final Outbound out;
    private final LeaderNews news;
    private final Clock clock;
    private final IncidentTexts texts;

    Responses(IncidentChanges changes, DirectoryStore directory, Escalation escalation, Outbound out, LeaderNews news,
            Clock clock, IncidentTexts texts) {
        this.changes = changes;
        this.directory = directory;
        this.escalation = escalation;
        this.out = out;
        this.news = news;
        this.clock = clock;
        this.texts = texts;
    }

    Response respond(String incidentId, String recipientId, Action action) {
        return switch (action) {
            case ACCEPT -> accept(incidentId, recipientId);
            case DECLINE -> decline(incidentId, recipientId);
            case ARRIVED -> arrive(incidentId, recipientId);
            case DONE -> done(incidentId, recipientId);
        };
    }

    private Response accept(String incidentId, String recipientId) {
        Instant now = clock.instant();
        List<Alert> stoodDown = new ArrayList<>();
        Response response = changes.change(incidentId, current -> {
            stoodDown.clear();
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return none(new Response(current, Outcome.CLOSED, null));
            if (current.responder(recipientId).isPresent()) {
                return none(new Response(current, Outcome.ALREADY_YOURS, null));
            }
            if (!current.responders().isEmpty()) {
                String first = current.responders().get(0).name();
                if (mine.status().outstanding()) {
                    Incident.Builder b = current.edit();
                    b.replaceAlert(mine.withStatus(AlertStatus.STOOD_DOWN));
                    return write(b, updated -> new Response(updated, Outcome.ALREADY_TAKEN, first));
                }
                return none(new Response(current, Outcome.ALREADY_TAKEN, first));
            }
            Incident.Builder b = current.edit();
            stoodDown.addAll(b.accept(mine, now));
            b.note(now, "accepted", texts.timeline("timeline.accepted", Map.of("name", mine.name())), mine.name());
            return write(b, updated -> new Response(updated, Outcome.ACCEPTED, null));
        });
        if (response.outcome() == Outcome.ACCEPTED) {
            Incident inc = response.incident();
            Alert mine = inc.alertFor(recipientId).orElseThrow();
            JsonLog.info("incident.accepted", "incidentId", inc.id(), "escalationLevel", inc.level(), "action", "accept",
                    "recipientId", recipientId);
            tellFamilyWhoIsComing(inc, mine);
            out.send(mine.to(), inc.id(), texts.acceptedResponder(mine, inc, memberOf(inc)));
            List<OutboundSms> standDown = new ArrayList<>();
            for (Alert other : stoodDown) {
                if (other.sentAt() == null) continue;
                standDown.add(new OutboundSms(other.to(), texts.takenByOther(other, inc, mine), inc.id()));
            }
            out.sendAll(standDown);
            news.toLevelsReached(inc, texts.timeline("topic.accepted", Map.of("code", inc.code(),
                    "name", mine.name(), "phone", mine.to())));
            news.accepted(inc, null);
        }
        return response;
    }

    private void tellFamilyWhoIsComing(Incident inc, Alert responder) {
        Member member = memberOf(inc);
        Set<String> told = new HashSet<>();
        Map<String, Language> audience = new LinkedHashMap<>();
        if (inc.reporter().phone() != null && inc.reporter().channel() != Channel.CONSOLE) {
            audience.put(inc.reporter().phone(), inc.language());
        }
        if (member != null) audience.putIfAbsent(member.phone(), member.language());
        for (Map.Entry<String, Language> e : audience.entrySet()) {
            if (!told.add(e.getKey())) continue;
            boolean stranger = !inc.reporter().verified() && e.getKey().equals(inc.reporter().phone())
                    && (member == null || !e.getKey().equals(member.phone()));
            // someone we could not verify learns that help is coming, never who (a name, a phone) or anything of the member
            out.send(e.getKey(), inc.id(), texts.helpComing(e.getValue(), inc, responder, stranger));
        }
    }

    private Response decline(String incidentId, String recipientId) {
        Instant now = clock.instant();
        Response response = changes.change(incidentId, current -> {
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return none(new Response(current, Outcome.CLOSED, null));
            if (current.responder(recipientId).isPresent()) {
                return none(new Response(current, Outcome.ALREADY_YOURS, null));
            }
            if (mine.status() == AlertStatus.DECLINED) return none(new Response(current, Outcome.DECLINED, null));
            Incident.Builder b = current.edit();
            b.replaceAlert(mine.withStatus(AlertStatus.DECLINED));
            b.note(now, "declined", texts.timeline("timeline.declined", Map.of("name", mine.name())), mine.name());
            return write(b, updated -> new Response(updated, Outcome.DECLINED, null));
        });
        Incident inc = response.incident();
        if (response.outcome() == Outcome.DECLINED && inc.everyoneDeclinedAtLevel()) {
            Incident moved = escalation.moveOnNow(inc.id(), inc.version(), "timeline.allDeclined");
            return new Response(moved, Outcome.DECLINED, null);
        }
        return response;
    }

    private Response arrive(String incidentId, String recipientId) {
        Instant now = clock.instant();
        return changes.change(incidentId, current -> {
            current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return none(new Response(current, Outcome.CLOSED, null));
            Responder me = current.responder(recipientId).orElse(null);
            if (me == null) return none(new Response(current, Outcome.NOT_RESPONDER, null));
            if (me.arrivedAt() != null) return none(new Response(current, Outcome.ARRIVED, null));
            Incident.Builder b = current.edit();
            b.replaceResponder(me.arrived(now));
            b.note(now, "arrived", texts.timeline("timeline.arrived", Map.of("name", me.name())), me.name());
            return write(b, updated -> new Response(updated, Outcome.ARRIVED, null));
        });
    }

    private Response done(String incidentId, String recipientId) {
        Instant now = clock.instant();
        Response response = changes.change(incidentId, current -> {
            current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return none(new Response(current, Outcome.CLOSED, null));
            Responder me = current.responder(recipientId).orElse(null);
            if (me == null) return none(new Response(current, Outcome.NOT_RESPONDER, null));
            Incident.Builder b = current.edit();
            b.close(IncidentStatus.RESOLVED, now, Messages.text(b.language(), "timeline.done", Map.of("name", me.name())));
            b.note(now, "done", texts.timeline("timeline.done", Map.of("name", me.name())), me.name());
            return write(b, updated -> new Response(updated, Outcome.DONE, null));
        });
        if (response.outcome() == Outcome.DONE) {
            JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "done");
            news.resolved(response.incident());
        }
        return response;
    }

    private Member memberOf(Incident incident) {
        return incident.memberId() == null ? null : directory.members().get(incident.memberId()).orElse(null);
    }
}
