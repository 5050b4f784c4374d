package huzhu.console;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.incident.AlertStatus;
import huzhu.core.incident.Channel;
import huzhu.core.incident.IncidentStatus;
import huzhu.core.incident.IncidentType;
import huzhu.core.incident.Place;
import huzhu.core.incident.RecipientKind;
import huzhu.core.incident.Reporter;
import huzhu.core.incident.Responder;
import huzhu.core.incident.TimelineEntry;
import huzhu.core.kernel.Listed;
import huzhu.core.kernel.Page;
import huzhu.http.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The incident answers written without Jackson are, byte for byte, what the one ObjectMapper ({@link Json#mapper()})
 * writes for the same values: every field, nulls, times, enums' contract words, Chinese text and every character a
 * JSON string must escape.
 */
class IncidentJsonTest {
    /** Every character below U+0020, the two JSON escapes, and what Jackson leaves as it is (/, DEL, U+2028). */
    private static final String EVERY_ESCAPE;

    static {
        StringBuilder s = new StringBuilder("引号\"反斜杠\\斜杠/ DEL\u007f 行分隔\u2028段分隔\u2029 🚑 孤\ud83d单 ");
        for (char c = 0; c < 0x20; c++) s.append(c);
        EVERY_ESCAPE = s.toString();
    }

    @Test
    void aRichIncident_isWrittenAsTheObjectMapperWritesIt() throws Exception {
        // given
        IncidentView rich = rich();

        // when
        String json = IncidentJson.of(rich);

        // then
        assertThat(json).isEqualTo(Json.mapper().writeValueAsString(rich));
        assertThat(json).contains("\"status\":\"acknowledged\"", "\"type\":\"medical\"", "\"channel\":\"sms\"",
                "\"recipientKind\":\"volunteer\"", "\"status\":\"stood-down\"", "王师傅", "\\b", "\\f", "\\u001F");
    }

    @Test
    void anIncidentWithNothingSet_writesItsNullsAsTheObjectMapperDoes() throws Exception {
        // given
        IncidentView bare = new IncidentView(null, null, null, 0, null, null, null, null, null, null, null, null, null,
                null, null, 0, false, null, List.of(), List.of(), List.of());
        IncidentView halfSet = new IncidentView("i-2", "K2", IncidentStatus.OPEN, 1, null, IncidentType.OTHER, "",
                new Place(null, null, null), new Reporter(null, null, null, false), Instant.EPOCH, null, null, null,
                null, null, 0, true, null,
                List.of(new IncidentView.AlertView(null, null, null, null, 0, null, null, null)),
                List.of(new Responder(null, null, null, null, null, null)),
                List.of(new TimelineEntry(null, null, null, null, null, null, 0)));

        // then
        assertThat(IncidentJson.of(bare)).isEqualTo(Json.mapper().writeValueAsString(bare));
        assertThat(IncidentJson.of(halfSet)).isEqualTo(Json.mapper().writeValueAsString(halfSet));
    }

    @Test
    void theBoardsPage_isWrittenAsTheObjectMapperWritesIt_withAndWithoutANextCursor() throws Exception {
        // given
        Page<IncidentView> last = new Page<>(List.of(rich(), rich()), null);
        Page<IncidentView> more = new Page<>(List.of(rich()), "eyJrIjoi5ZSQ5bGxIn0=");
        Page<IncidentView> empty = new Page<>(List.of(), null);

        // then
        for (Page<IncidentView> page : List.of(last, more, empty)) {
            assertThat(IncidentJson.page(page)).isEqualTo(Json.mapper().writeValueAsString(page));
        }
    }

    @Test
    void theIncidentsTable_isWrittenAsTheObjectMapperWritesIt_withItsTotal() throws Exception {
        // given
        Listed<IncidentView> table = new Listed<>(List.of(rich()), "bmV4dA", 31);
        Listed<IncidentView> empty = new Listed<>(List.of(), null, 0);

        // then
        assertThat(IncidentJson.listed(table)).isEqualTo(Json.mapper().writeValueAsString(table));
        assertThat(IncidentJson.listed(empty)).isEqualTo(Json.mapper().writeValueAsString(empty));
    }

    @Test
    void timesAndNumbers_atTheirEdges_areWrittenAsTheObjectMapperWritesThem() throws Exception {
        // given: times with and without fractions, before 1970 and past 9999; coordinates Jackson writes oddly
        List<Instant> times = List.of(Instant.parse("2026-03-02T01:35:00Z"), Instant.parse("2026-03-02T01:35:00.120Z"),
                Instant.parse("2026-03-02T01:35:00.000123Z"), Instant.parse("2026-03-02T01:35:00.000000001Z"),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN,
                Instant.MAX);
        List<Double> numbers = List.of(39.6309, 118.180_193_123_456_78, -0.0, 0.0, 1e-7, 1.0e21, 123456789.0,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

        for (Instant at : times) {
            for (Double n : numbers) {
                IncidentView view = new IncidentView("i", "K", IncidentStatus.RESOLVED, Integer.MAX_VALUE, "m",
                        IncidentType.FIRE, "m", new Place("地址", n, -n), null, at, at, at, at, "o", at,
                        Integer.MIN_VALUE, false, "o", List.of(), List.of(), List.of());

                // then
                assertThat(IncidentJson.of(view)).isEqualTo(Json.mapper().writeValueAsString(view));
            }
        }
    }

    @Test
    void everyWordOfEveryEnum_isItsContractWord() throws Exception {
        for (IncidentStatus status : IncidentStatus.values()) {
            for (IncidentType type : IncidentType.values()) {
                for (Channel channel : Channel.values()) {
                    for (RecipientKind kind : RecipientKind.values()) {
                        for (AlertStatus alert : AlertStatus.values()) {
                            IncidentView view = new IncidentView("i", "K", status, 0, "m", type, "", null,
                                    new Reporter("+8613900139000", "李", channel, true), null, null, null, null, null,
                                    null, 0, false, null, List.of(new IncidentView.AlertView("v", kind, "张",
                                            "+8613800138000", 0, null, alert, null)), List.of(), List.of());
                            assertThat(IncidentJson.of(view)).isEqualTo(Json.mapper().writeValueAsString(view));
                        }
                    }
                }
            }
        }
    }

    private static IncidentView rich() {
        Instant created = Instant.parse("2026-03-02T01:30:00Z");
        Map<String, String> texts = new HashMap<>();
        texts.put("zh-CN", "已升级到第 1 级：通知工会领导");
        texts.put("en", "Escalated to level 1: union leaders told");
        texts.put("x-odd", EVERY_ESCAPE);
        texts.put("x-none", null);
        return new IncidentView("01HV7ZK3Q9", "K7", IncidentStatus.ACKNOWLEDGED, 1, "m-0001", IncidentType.MEDICAL,
                "爸爸在家摔倒了，起不来 " + EVERY_ESCAPE,
                new Place("河北省唐山市路北区建设路 12 号 3 单元 501", 39.6309, 118.1802),
                new Reporter("+8613900139000", "李秀英", Channel.SMS, true),
                created, created.plusSeconds(95).plusMillis(120), Instant.parse("2026-03-02T02:10:00.000123456Z"),
                Instant.parse("2026-03-02T02:40:00Z"), "已送医 \"平安\"", created.plusSeconds(180), 2, false,
                "officer@union.example",
                List.of(new IncidentView.AlertView("v-1", RecipientKind.VOLUNTEER, "王师傅", "+8613800138000", 0,
                                created.plusMillis(1), AlertStatus.STOOD_DOWN, null),
                        new IncidentView.AlertView("l-1", RecipientKind.LEADER, "赵主席", "+8613700137000", 1, null,
                                AlertStatus.FAILED, "号码为空号 (invalid number)\n")),
                List.of(new Responder("v-2", "刘\\师傅", "+8613600136000", created.plusSeconds(95),
                                Instant.parse("2026-03-02T01:50:00Z"), Instant.parse("2026-03-02T01:45:30.5Z")),
                        new Responder("v-3", "陈", "+8613500135000", created.plusSeconds(99), null)),
                List.of(new TimelineEntry(created, "opened", "家属短信求助", "+86 139 **** 9000"),
                        new TimelineEntry(created.plusSeconds(180), "escalated", "已升级", null,
                                created.plusSeconds(179), texts, 3),
                        new TimelineEntry(created.plusSeconds(200), "note", EVERY_ESCAPE, "officer@union.example",
                                null, Map.of())));
    }
}
