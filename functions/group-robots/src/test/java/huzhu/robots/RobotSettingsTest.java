package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RobotSettingsTest {
    private static final String WECOM_KEY = "693a91f6-7e1c-4bc4-97a0-0ec2a1fa5aaa";
    private static final String DING_TOKEN = "50cb6e954c89afa14fb97754eafd886d658fcda27d05015a26b474e7bd2f0a59";
    private static final String DING_SECRET = "SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc";
    private static final String HOOK = "5e3d587e-d78e-4a07-bd07-265f269f86fd";

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T02:00:00Z"), ZoneOffset.UTC);
    private final List<URI> sentTo = new ArrayList<>();
    private final WebhookTransport recording = (uri, json) -> {
        sentTo.add(uri);
        return new WebhookTransport.Reply(200, "{\"errcode\":0,\"code\":0}");
    };

    private GroupRobots parse(String json) {
        return RobotSettings.parse(json, clock, recording, Retry.DEFAULT, line -> { });
    }

    @Test
    void parse_readsEachVendor_withWhatItTakes_andDefaultsToNoticesAndIncidentNews() {
        // given
        String json = """
                {"robots": [
                  {"name": "union-work-group", "vendor": "wecom", "key": "%s"},
                  {"name": "leaders", "vendor": "dingtalk", "accessToken": "%s", "secret": "%s",
                   "takes": ["leader-summaries"], "style": "rich"},
                  {"name": "officers", "vendor": "lark", "hook": "%s", "secret": "s3cret",
                   "takes": ["incident-news", "leader-summaries"]}]}
                """.formatted(WECOM_KEY, DING_TOKEN, DING_SECRET, HOOK);

        // when
        GroupRobots robots = parse(json);

        // then
        assertThat(robots.robots()).extracting(r -> r.chat().name(), r -> r.chat().vendor(), GroupRobots.Robot::kinds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("union-work-group", "wecom",
                                Set.of(GroupKind.NOTICE, GroupKind.INCIDENT_NEWS)),
                        org.assertj.core.groups.Tuple.tuple("leaders", "dingtalk", Set.of(GroupKind.LEADER_SUMMARY)),
                        org.assertj.core.groups.Tuple.tuple("officers", "lark",
                                Set.of(GroupKind.INCIDENT_NEWS, GroupKind.LEADER_SUMMARY)));
    }

    @Test
    void parse_takesTheWebhookAddressAsTheAppShowsIt() {
        // given
        String json = """
                {"robots": [
                  {"name": "a", "vendor": "wecom", "webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s"},
                  {"name": "b", "vendor": "dingtalk", "webhook": "https://oapi.dingtalk.com/robot/send?access_token=%s"},
                  {"name": "c", "vendor": "feishu", "webhook": "https://open.feishu.cn/open-apis/bot/v2/hook/%s"}]}
                """.formatted(WECOM_KEY, DING_TOKEN, HOOK);

        // when
        parse(json).post(GroupKind.INCIDENT_NEWS, new GroupMessage("", "x"), null);

        // then
        assertThat(sentTo).extracting(URI::toString).containsExactly(
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY,
                "https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN,
                "https://open.feishu.cn/open-apis/bot/v2/hook/" + HOOK);
    }

    @Test
    void parse_sendsToAStandInsBaseUrl_whenOneIsGiven() {
        // given
        String json = """
                {"robots": [{"name": "a", "vendor": "wecom", "key": "%s", "baseUrl": "http://127.0.0.1:8089/"}]}
                """.formatted(WECOM_KEY);

        // when
        parse(json).post(GroupKind.NOTICE, new GroupMessage("", "x"), null);

        // then
        assertThat(sentTo).singleElement().hasToString("http://127.0.0.1:8089/cgi-bin/webhook/send?key=" + WECOM_KEY);
    }

    @Test
    void aWrongSetting_isNamedWithItsRobot_neverQuotingACredential() {
        assertThatThrownBy(() -> parse("""
                {"robots": [{"name": "a", "vendor": "wecom", "key": "%s"},
                            {"name": "leaders", "vendor": "dingtalk", "accessToken": "%s", "secret": "  "}]}
                """.formatted(WECOM_KEY, DING_TOKEN)))
                .hasMessage("robot 2 (leaders): the DingTalk signing secret is blank or too long");
        assertThatThrownBy(() -> parse("""
                {"robots": [{"name": "a", "vendor": "wecom", "webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?k=%s"}]}
                """.formatted(WECOM_KEY)))
                .hasMessage("robot 1 (a): the WeCom robot key must be 8 to 128 letters, digits, '-' or '_'");
        assertThatThrownBy(() -> parse("""
                {"robots": [{"name": "a", "vendor": "slack", "key": "%s"}]}""".formatted(WECOM_KEY)))
                .hasMessage("robot 1 (a): vendor must be wecom, dingtalk, feishu or lark");
        assertThatThrownBy(() -> parse("""
                {"robots": [{"name": "a", "vendor": "wecom", "kee": "%s"}]}""".formatted(WECOM_KEY)))
                .hasMessage("robot 1: unknown setting kee");
        assertThatThrownBy(() -> parse("""
                {"robots": [{"name": "a", "vendor": "wecom", "key": "%s", "takes": ["everything"]}]}""".formatted(WECOM_KEY)))
                .hasMessageContaining("takes must be a list of");
    }

    @Test
    void unreadableJson_isRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> parse("{\"robots\": [{\"name\": \"a\", \"key\": \"" + WECOM_KEY + "\""))
                .hasMessage("the robots' settings are not valid JSON");
        assertThatThrownBy(() -> parse(" ")).hasMessage("the robots' settings are empty");
    }

    @Test
    void noRobots_isADeploymentWithoutGroups() throws IOException {
        assertThat(parse("{\"robots\": []}").isEmpty()).isTrue();
    }
}
