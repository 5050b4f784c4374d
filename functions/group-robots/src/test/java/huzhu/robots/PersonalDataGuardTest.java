package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "138-0013-8000", "０３１５－２８１２３４５",
            "电话0315 2812345", "call (0315) 281.2345", "1234567"})
    void phoneLikeNumbers_areObjectedTo(String text) {
        assertThat(PersonalDataGuard.objection(text)).contains("a phone-like number (seven or more digits)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"建设路12号", "3号楼2单元301室", "五栋", "幸福小区", "新华街）", "住址：某处", "地址",
            "12 Jianshe Road", "Room 301", "No. 12", "address"})
    void streetAddresses_areObjectedTo(String text) {
        assertThat(PersonalDataGuard.objection(text)).contains("a street address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"【互助】求助 N47（路北区）已由队员接单，用时 12 分钟", "【互助】求助 K7（曹妃甸区）已升级至第 2 级",
            "[huzhu] Help request N47 (Lubei District) taken by a volunteer in 3 min",
            "【互助】请第 1 级领导关注：求助 N47（路南区，急病）已 15 分钟无人接单", "123456"})
    void theGroupsNewsLines_passUnobjected(String text) {
        assertThat(PersonalDataGuard.objection(text)).isEmpty();
    }

    @Test
    void nothingToCheck_isNoObjection() {
        assertThat(PersonalDataGuard.objection(null)).isEmpty();
        assertThat(PersonalDataGuard.objection("")).isEmpty();
    }
}
