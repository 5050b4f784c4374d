package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.ServiceConfig;
import huzhu.core.Services;
import huzhu.core.kernel.Language;
import huzhu.core.sms.SmsLength;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.InMemoryStore;
import huzhu.core.testing.MutableClock;
import huzhu.core.testing.RecordingMessenger;
import huzhu.core.testing.SequentialIds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signed ack link, on the API's own long URL, still leaves the alert within two segments, whole. */
class AlertLinkLengthTest {
    /** What PublicBaseUrl is when nobody set a custom domain: the HTTP API's default endpoint. */
    private static final String API_URL = "https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com";

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLongestAlert_keepsItsWholeLinkAndCode_inTwoSegments(Language language) {
        // given: the longest address, message and names the forms allow
        InMemoryStore store = new InMemoryStore();
        RecordingMessenger sms = new RecordingMessenger();
        ServiceConfig config = new ServiceConfig(API_URL, null);
        Services services = Services.create(store, sms, EscalationTimer.NONE, MutableClock.atT0(),
                new SequentialIds(3), config);
        store.directory().members().insert(Fixtures.member("m-1").name("欧阳".repeat(25)).phone(phone(1)).home("乌鲁木齐市", "沙依巴克区")
                .address("新疆维吾尔自治区乌鲁木齐市沙依巴克区".repeat(10)).family("欧阳".repeat(25), "外祖父", phone(2))
                .build());
        store.directory().volunteers().insert(Fixtures.volunteer("v-1").phone(phone(11)).area("乌鲁木齐市", "沙依巴克区")
                .language(language).build());

        // when
        Incident incident = services.dispatcher().open(new Dispatcher.NewIncident(null, "m-1", IncidentType.ACCIDENT,
                "老人在楼梯间摔倒，头部出血，意识模糊，家里只有他一个人。".repeat(15), null,
                new Reporter(phone(2), "欧阳".repeat(25), Channel.SMS, true), Language.ZH_CN));

        // then
        String body = sms.bodiesTo(phone(11)).get(0);
        String link = config.ackLink(incident.code(), incident.id(), "v-1");
        assertThat(link).hasSize(API_URL.length() + "/v1/acks/".length() + incident.code().length() + 10);
        assertThat(body).contains(link + "").contains(incident.code());
        assertThat(SmsLength.segments(body)).as(body).isLessThanOrEqualTo(2);
    }
}
