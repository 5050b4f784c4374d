package huzhu.aws.dynamo;

import static huzhu.aws.dynamo.TableSchema.ACTIVE_PK;
import static huzhu.aws.dynamo.TableSchema.ACTIVE_SK;
import static huzhu.aws.dynamo.TableSchema.GSI1_PK;
import static huzhu.aws.dynamo.TableSchema.GSI1_SK;
import static huzhu.aws.dynamo.TableSchema.GSI2_PK;
import static huzhu.aws.dynamo.TableSchema.GSI2_SK;
import static huzhu.aws.dynamo.TableSchema.PK;
import static huzhu.aws.dynamo.TableSchema.SK;

import huzhu.core.directory.Area;
import huzhu.core.incident.Alert;
import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.Incident;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Place;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.Responder;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Language;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One incident is one item, alerts, responders and timeline included, so that a single conditional put on
 * {@code version} keeps it consistent. Nested parts are maps and lists rather than JSON strings: readable in
 * the console and no JSON library in the Lambda. A busy incident (20 alerts, 100 timeline lines) is about
 * 30 KB; the timeline's bound (core's TimelineBound) keeps any incident far below the 400 KB item limit.
 */
final class IncidentItems {
    private IncidentItems() {
    }

    static Map<String, AttributeValue> write(Incident i) {
        String newestFirst = Keys.newestFirst(i.createdAt(), i.id());
        Items.Writer w = Items.writer()
                .s(PK, Keys.INCIDENTS.item(i.id()))
                .s(SK, Keys.INCIDENTS.sortKey())
                .s(TableSchema.ITEM_TYPE, Keys.INCIDENTS.sortKey())
                .s(GSI1_PK, Keys.INCIDENTS.all())
                .s(GSI1_SK, newestFirst)
                .s(GSI2_PK, Keys.INCIDENTS.withStatus(i.status().wire()))
                .s(GSI2_SK, newestFirst)
                .s("id", i.id())
                .s("code", i.code())
                .wire("status", i.status())
                .n("level", i.level())
                .s("memberId", i.memberId())
                .wire("type", i.type())
                .s("message", i.message())
                .map("location", place(i.location()))
                .map("reporter", reporter(i.reporter()))
                .wire("language", i.language())
                .time("createdAt", i.createdAt())
                .time("acknowledgedAt", i.acknowledgedAt())
                .time("resolvedAt", i.resolvedAt())
                .time("closedAt", i.closedAt())
                .s("outcome", i.outcome())
                .time("nextEscalationAt", i.nextEscalationAt())
                .map("policy", PolicyItems.write(i.policy()))
                .n("escalations", i.escalations())
                .n("repeats", i.repeats())
                .bool("exhausted", i.exhausted())
                .map("area", i.area() == null ? null
                        : Items.writer().s("city", i.area().city()).s("district", i.area().district()))
                .bool("surge", i.surge())
                .list("alerts", i.alerts(), IncidentItems::alert)
                .list("responders", i.responders(), IncidentItems::responder)
                .list("timeline", i.timeline(), e -> Items.writer()
                        .time("at", e.at()).s("kind", e.kind()).s("text", e.text()).s("actor", e.actor())
                        .time("deadline", e.deadline()).texts("texts", e.texts())
                        .n("merged", e.merged() == 0 ? null : Integer.valueOf(e.merged())))
                .n("version", i.version());
        if (i.active()) {
            // the sparse index: an incident leaves it by being written without these attributes
            w.s(ACTIVE_PK, Keys.ACTIVE_INCIDENTS).s(ACTIVE_SK, Keys.byDeadline(i.nextEscalationAt(), i.id()));
        }
        return w.build();
    }

    static Incident read(Map<String, AttributeValue> item) {
        Items.Reader r = Items.reader(item);
        return new Incident(
                r.s("id"),
                r.s("code"),
                r.wire(IncidentStatus.class, "status"),
                r.i("level"),
                r.s("memberId"),
                r.wire(IncidentType.class, "type"),
                r.s("message"),
                r.map("location", p -> new Place(p.s("address"), p.d("lat"), p.d("lon"))),
                r.map("reporter", p -> new Reporter(p.s("phone"), p.s("name"), p.wire(Channel.class, "channel"),
                        p.bool("verified"))),
                r.wire(Language.class, "language"),
                r.time("createdAt"),
                r.time("acknowledgedAt"),
                r.time("resolvedAt"),
                r.time("closedAt"),
                r.s("outcome"),
                r.time("nextEscalationAt"),
                r.map("policy", PolicyItems::read),
                r.i("escalations"),
                r.i("repeats"),
                r.bool("exhausted"),
                r.map("area", a -> new Area(a.s("city"), a.s("district"))),
                r.bool("surge"),
                r.list("alerts", IncidentItems::alert),
                r.list("responders", p -> new Responder(p.s("recipientId"), p.s("name"), p.s("phone"),
                        p.time("acceptedAt"), p.time("arrivedAt"), p.time("expectedAt"))),
                r.list("timeline", e -> new TimelineEntry(e.time("at"), e.s("kind"), e.s("text"), e.s("actor"),
                        e.time("deadline"), e.texts("texts"), e.i("merged"))),
                r.l("version"));
    }

    private static Items.Writer place(Place p) {
        return p == null ? null : Items.writer().s("address", p.address()).n("lat", p.lat()).n("lon", p.lon());
    }

    private static Items.Writer reporter(Reporter p) {
        return p == null ? null : Items.writer()
                .s("phone", p.phone()).s("name", p.name()).wire("channel", p.channel()).bool("verified", p.verified());
    }

    private static Items.Writer alert(Alert a) {
        return Items.writer()
                .s("recipientId", a.recipientId())
                .wire("recipientKind", a.recipientKind())
                .s("name", a.name())
                .s("to", a.to())
                .wire("language", a.language())
                .n("level", a.level())
                .time("sentAt", a.sentAt())
                .wire("status", a.status())
                .s("messageId", a.messageId())
                .s("failureReason", a.failureReason())
                .n("attempts", a.attempts())
                .time("retryAt", a.retryAt())
                .bool("permanent", a.permanent());
    }

    private static Alert alert(Items.Reader a) {
        return new Alert(a.s("recipientId"), a.wire(RecipientKind.class, "recipientKind"), a.s("name"), a.s("to"),
                a.wire(Language.class, "language"), a.i("level"), a.time("sentAt"), a.wire(AlertStatus.class, "status"),
                a.s("messageId"), a.s("failureReason"), a.i("attempts"), a.time("retryAt"), a.bool("permanent"));
    }

    private static Items.Writer responder(Responder p) {
        return Items.writer()
                .s("recipientId", p.recipientId())
                .s("name", p.name())
                .s("phone", p.phone())
                .time("acceptedAt", p.acceptedAt())
                .time("arrivedAt", p.arrivedAt())
                .time("expectedAt", p.expectedAt());
    }
}
