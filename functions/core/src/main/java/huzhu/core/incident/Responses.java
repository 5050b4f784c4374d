package huzhu.core.incident;

import static huzhu.core.incident.IncidentChanges.none;
import static huzhu.core.incident.IncidentChanges.write;

import huzhu.core.error.NotFound;
import huzhu.core.incident.Dispatcher.Outcome;
import huzhu.core.incident.Dispatcher.Response;
import huzhu.core.incident.ReplyGrammar.Action;
import huzhu.core.kernel.Messages;
import huzhu.core.log.JsonLog;
import huzhu.core.sms.OutboundSms;
import huzhu.core.sms.RenderedSms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an alerted person's answer does (by SMS, "1", or on the ack page): the first to accept takes the incident
 * and everyone else is stood down; the family hears who is coming; declines by everyone move the incident on;
 * arrived and done are recorded. A second accept is told the incident is already taken, by whom.
 */
final class Responses {
    private final IncidentChanges changes;
    private final Escalation escalation;
    private final Outbound out;
    private final LeaderNews news;
    private final Clock clock;
    private final IncidentTexts texts;
    private final Family family;
    private final MaxActive maxActive;

    Responses(IncidentChanges changes, Family family, Escalation escalation, Outbound out, LeaderNews news,
            Clock clock, IncidentTexts texts, MaxActive maxActive) {
        this.changes = changes;
        this.family = family;
        this.maxActive = maxActive;
        this.escalation = escalation;
        this.out = out;
        this.news = news;
        this.clock = clock;
        this.texts = texts;
    }

    Response respond(String incidentId, String recipientId, Action action) {
        return respond(incidentId, recipientId, action, null);
    }

    /** {@code eta}: how soon they said they would be there, with an accept (null: they did not say). */
    Response respond(String incidentId, String recipientId, Action action, Duration eta) {
        return switch (action) {
            case ACCEPT -> accept(incidentId, recipientId, eta);
            case DECLINE -> decline(incidentId, recipientId);
            case ARRIVED -> arrive(incidentId, recipientId);
            case DONE -> done(incidentId, recipientId);
        };
    }

    private Response accept(String incidentId, String recipientId, Duration eta) {
        Instant now = clock.instant();
        Instant expectedAt = eta == null ? null : now.plus(eta);
        List<Alert> stoodDown = new ArrayList<>();
        boolean[] claimed = {false};
        Response response = changes.change(incidentId, current -> {
            stoodDown.clear();
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            if (!current.active()) return none(new Response(current, Outcome.CLOSED, null));
            Responder already = current.responder(recipientId).orElse(null);
            if (already != null && expectedAt != null && already.arrivedAt() == null) {
                Incident.Builder b = current.edit();
                b.replaceResponder(already.expected(expectedAt));
                noteExpected(b, mine.name(), expectedAt, eta, now);
                return write(b, updated -> new Response(updated, Outcome.EXPECTED_AT, null));
            }
            if (already != null) return none(new Response(current, Outcome.ALREADY_YOURS, null));
            if (!current.responders().isEmpty()) {
                String first = current.responders().get(0).name();
                if (mine.status().outstanding()) {
                    Incident.Builder b = current.edit();
                    b.replaceAlert(mine.withStatus(AlertStatus.STOOD_DOWN));
                    return write(b, updated -> new Response(updated, Outcome.ALREADY_TAKEN, first));
                }
                return none(new Response(current, Outcome.ALREADY_TAKEN, first));
            }
            if (current.status() == IncidentStatus.ACKNOWLEDGED && mine.status() == AlertStatus.STOOD_DOWN) {
                // an officer took it in hand and stood the alerted down: a late yes is told who has it
                return none(new Response(current, Outcome.ALREADY_TAKEN, current.officerInCharge().orElse("")));
            }
            if (mine.recipientKind() == RecipientKind.VOLUNTEER) {
                MaxActive.Claim claim = maxActive.claim(recipientId, current.id(), now);
                if (!claim.granted()) {
                    return none(new Response(current, Outcome.AT_CAPACITY, null, claim.holding()));
                }
                claimed[0] = true;
            }
            Incident.Builder b = current.edit();
            stoodDown.addAll(b.accept(mine, now, expectedAt));
            b.note(now, "accepted", texts.timeline("timeline.accepted", Map.of("name", mine.name())), mine.name());
            if (expectedAt != null) noteExpected(b, mine.name(), expectedAt, eta, now);
            return write(b, updated -> new Response(updated, Outcome.ACCEPTED, null));
        });
        if (claimed[0] && response.outcome() == Outcome.ACCEPTED) {
            maxActive.confirm(recipientId, incidentId);
        } else if (claimed[0] && response.outcome() != Outcome.ALREADY_YOURS) {
            maxActive.release(recipientId, incidentId); // claimed, then someone else was first
        }
        if (response.outcome() == Outcome.EXPECTED_AT) {
            Incident inc = response.incident();
            Alert mine = inc.alertFor(recipientId).orElseThrow();
            Responder me = inc.responder(recipientId).orElseThrow();
            family.tell(inc, (lang, stranger) -> texts.expectedAt(lang, inc, me, stranger, now));
            out.sendOnRecord(mine.to(), inc.id(), texts.expectedAtNoted(mine, inc, me.expectedAt()));
        }
        if (response.outcome() == Outcome.ACCEPTED) {
            Incident inc = response.incident();
            Alert mine = inc.alertFor(recipientId).orElseThrow();
            JsonLog.info("incident.accepted", "incidentId", inc.id(), "escalationLevel", inc.level(), "action", "accept",
                    "recipientId", recipientId);
            family.tell(inc, (lang, stranger) -> texts.helpComing(lang, inc, mine, stranger, expectedAt, now));
            out.sendOnRecord(mine.to(), inc.id(), texts.acceptedResponder(mine, inc, family.memberOf(inc)));
            List<OutboundSms> standDown = new ArrayList<>();
            for (Alert other : stoodDown) {
                if (other.sentAt() == null) continue;
                standDown.add(OutboundSms.onRecord(other.to(), texts.takenByOther(other, inc, mine), inc.id()));
            }
            out.sendAll(standDown);
            news.toLevelsReached(inc, texts.topic("topic.accepted", Map.of("code", inc.code(),
                    "name", mine.name(), "phone", mine.to())));
            news.accepted(inc, null);
        }
        return response;
    }

    /** A reply that was not understood: kept on the timeline, where the officers read it. */
    Incident noteReply(String incidentId, String recipientId, String text) {
        Instant now = clock.instant();
        return changes.change(incidentId, current -> {
            Alert mine = current.alertFor(recipientId).orElseThrow(() -> new NotFound("ack"));
            return write(current.edit().note(now, "reply", texts.timeline("timeline.reply",
                    Map.of("name", mine.name(), "text", text)), mine.name()));
        });
    }

    private void noteExpected(Incident.Builder b, String name, Instant expectedAt, Duration eta, Instant now) {
        b.note(now, "eta", texts.timeline("timeline.eta", Map.of("name", name,
                "time", IncidentTexts.arrivalTime(expectedAt), "minutes", eta.toMinutes())), name);
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
            maxActive.release(recipientId, incidentId);
            JsonLog.info("incident.resolved", "incidentId", incidentId, "action", "done");
            news.resolved(response.incident());
        }
        return response;
    }

    /**
     * The word for how a response ended, the same on the ack page ({@code ack.<word>}) and by SMS
     * ({@code sms.<word>}); a responder who said when they will be there is, on the page, told it is theirs.
     */
    static String word(Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> "accepted";
            case ALREADY_YOURS, EXPECTED_AT -> "alreadyYours";
            case ALREADY_TAKEN -> "alreadyTaken";
            case DECLINED -> "declined";
            case ARRIVED -> "arrived";
            case DONE -> "done";
            case CLOSED -> "closed";
            case NOT_RESPONDER -> "notResponder";
            case AT_CAPACITY -> "atCapacity";
        };
    }

    /** What the text about a response names: the incident's code, who took it, what the volunteer already holds. */
    static Map<String, String> wordArgs(Response r) {
        return Map.of("code", r.incident().code(), "name", r.takenBy() == null ? "" : r.takenBy(),
                "held", r.holding() == null ? "" : r.holding());
    }
}
