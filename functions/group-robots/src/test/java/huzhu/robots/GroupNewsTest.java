package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.group.GroupFact;
import huzhu.robots.PersonalDataGuard.PersonalDataRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GroupNewsTest {
    private final GroupNews zh = new GroupNews("zh-CN");
    private final GroupNews en = new GroupNews("en");

    @Test
    void opened_isOneChineseLine_withCodeAndDistrict() {
        // when
        GroupMessage m = zh.opened("N47", "路北区");

        // then
        assertThat(m.title()).isEqualTo("互助 · 求助 N47");
        assertThat(m.text()).isEqualTo("【互助】求助 N47（路北区）已发起");
    }

    @Test
    void accepted_saysHowManyMinutesItTook_roundedToTheNearestMinute() {
        assertThat(zh.accepted("N47", "路北区", Duration.ofSeconds(170)).text())
                .isEqualTo("【互助】求助 N47（路北区）已由队员接单，用时 3 分钟");
        assertThat(zh.accepted("N47", "路北区", Duration.ofSeconds(40)).text())
                .isEqualTo("【互助】求助 N47（路北区）已由队员接单，用时不到 1 分钟");
    }

    @Test
    void takenInHand_saysAUnionOfficerHasIt_andHowLongItWaited_butNoName() {
        assertThat(zh.takenInHand("N47", "路北区", Duration.ofSeconds(250)).text())
                .isEqualTo("【互助】求助 N47（路北区）已由工会干部接手，用时 4 分钟");
        assertThat(zh.takenInHand("N47", "路北区", Duration.ofSeconds(20)).text())
                .isEqualTo("【互助】求助 N47（路北区）已由工会干部接手，用时不到 1 分钟");
        assertThat(en.takenInHand("N47", "路北区", Duration.ofMinutes(4)).text())
                .isEqualTo("【互助】求助 N47（路北区）已由工会干部接手，用时 4 分钟\n"
                        + "[huzhu] Help request N47 (路北区) taken in hand by a union officer after 4 min");
        assertThat(en.takenInHand("N47", null, Duration.ofSeconds(20)).text())
                .endsWith("[huzhu] Help request N47 (area unknown) taken in hand by a union officer in under a minute");
    }

    @Test
    void takenInHand_inADistrictThatHoldsAnAddress_isRefused_notPosted() {
        assertThatThrownBy(() -> zh.takenInHand("N47", "建设路12号", Duration.ofMinutes(4)))
                .isInstanceOf(PersonalDataRefused.class);
    }

    @Test
    void escalatedResolvedAndCancelled_eachHaveTheirLine() {
        assertThat(zh.escalated("N47", "路北区", 1).text()).isEqualTo("【互助】求助 N47（路北区）已升级至第 1 级");
        assertThat(zh.resolved("N47", "路北区").text()).isEqualTo("【互助】求助 N47（路北区）已处理完毕");
        assertThat(zh.cancelled("N47", "路北区").text()).isEqualTo("【互助】求助 N47（路北区）已取消");
    }

    @Test
    void leaderSummary_namesTheLevelTheTypeAndTheWait_butNoPerson() {
        // when
        GroupMessage m = zh.leaderSummary("N47", "路北区", "medical", 1, Duration.ofMinutes(5));

        // then
        assertThat(m.text()).isEqualTo("【互助】请第 1 级领导关注：求助 N47（路北区，急病）已 5 分钟无人接单");
    }

    @Test
    void aDistrictInSurge_isOneLineForTheDistrict_withHowManyWaitAndAreHandled_andNoCode() {
        // when
        GroupMessage started = zh.surge("路北区", GroupFact.DistrictSurge.Stage.STARTED, 12, 3, 7);
        GroupMessage goesOn = zh.surge("路北区", GroupFact.DistrictSurge.Stage.CONTINUING, 30, 5, 21);
        GroupMessage ended = en.surge("路北区", GroupFact.DistrictSurge.Stage.ENDED, 2, 0, 4);

        // then
        assertThat(started.title()).isEqualTo("互助 · 路北区求助激增");
        assertThat(started.text()).isEqualTo("【互助】路北区求助激增：12 起待接单（最久 7 分钟），3 起已有人去。"
                + "工会值班干部在控制台统一调度，暂停逐条消息");
        assertThat(goesOn.text()).isEqualTo("【互助】路北区求助激增中：30 起待接单（最久 21 分钟），5 起已有人去");
        assertThat(ended.text()).isEqualTo("【互助】路北区求助已趋平稳，恢复逐条消息；仍有 2 起待接单\n"
                + "[huzhu] 路北区 has calmed: one line per request again; 2 still waiting");
    }

    @Test
    void anEnglishDeployment_getsTheEnglishLineSecond() {
        // when
        GroupMessage m = en.accepted("N47", "路北区", Duration.ofMinutes(3));

        // then
        assertThat(m.title()).isEqualTo("互助 · 求助 N47 / huzhu · request N47");
        assertThat(m.text()).isEqualTo("【互助】求助 N47（路北区）已由队员接单，用时 3 分钟\n"
                + "[huzhu] Help request N47 (路北区) taken by a volunteer in 3 min");
    }

    @Test
    void anUnknownDistrict_isSaidSo() {
        assertThat(zh.opened("N47", " ").text()).isEqualTo("【互助】求助 N47（地区未知）已发起");
        assertThat(en.opened("N47", null).text()).endsWith("[huzhu] Help request N47 (area unknown) opened");
    }

    @Test
    void anUnknownType_isOther() {
        assertThat(zh.leaderSummary("N47", "路北区", "flood", 2, Duration.ofSeconds(10)).text())
                .contains("（路北区，其他）已 1 分钟无人接单");
    }

    @Test
    void aDistrictThatHoldsAStreetAddress_isRefused_notPosted() {
        assertThatThrownBy(() -> zh.opened("N47", "建设路12号"))
                .isInstanceOf(PersonalDataRefused.class)
                .hasMessage("refused to post to a group: the text contains a street address")
                .hasMessageNotContaining("建设路");
        assertThatThrownBy(() -> zh.opened("N47", "幸福小区")).isInstanceOf(PersonalDataRefused.class);
        assertThatThrownBy(() -> zh.opened("N47", "新华街")).isInstanceOf(PersonalDataRefused.class);
    }

    @Test
    void aDistrictThatHoldsAPhoneNumber_isRefused() {
        assertThatThrownBy(() -> zh.resolved("N47", "138 0013 8000"))
                .isInstanceOf(PersonalDataRefused.class)
                .hasMessageContaining("phone-like number")
                .hasMessageNotContaining("8000");
    }

    @Test
    void aCodeThatIsNotACode_isRefused() {
        assertThatThrownBy(() -> zh.opened("N47 张三", "路北区")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> zh.opened(null, "路北区")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTangshanDistrict_passesTheGuard() {
        for (String district : new String[] {"路南区", "路北区", "古冶区", "开平区", "丰南区", "丰润区", "曹妃甸区",
                "滦州市", "遵化市", "迁安市", "滦南县", "乐亭县", "迁西县", "玉田县"}) {
            assertThat(en.accepted("K7", district, Duration.ofMinutes(12)).text()).contains(district);
            assertThat(en.leaderSummary("K7", district, "fire", 2, Duration.ofMinutes(9)).text()).contains(district);
        }
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("group_news_en.properties")).isEqualTo(keys("group_news_zh_CN.properties"));
    }

    private static java.util.Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = GroupNews.class.getResourceAsStream("/huzhu/robots/" + file)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
