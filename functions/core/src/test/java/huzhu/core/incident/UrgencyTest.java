package huzhu.core.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What may not be taken for a reply to a notice: anything that could be a call for help. */
class UrgencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"求助", "救命", "急！快来人", "我爸摔倒了", "老伴胸口疼", "他晕过去了", "厨房着火了", "出车祸了",
            "送医院了", "快打120", "HELP", "sos", "my father fell", "chest pain", "Call an ambulance", "車禍", "暈倒",
            "流了很多血", "人不行了", "奶奶走了", "老伴不舒服", "爸爸发高烧", "she is unwell"})
    void aMessageAboutAnEmergency_mightBeOne(String body) {
        assertThat(Urgency.mightBeEmergency(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"收到", "好的，谢谢", "周六我参加", "能带家属吗？", "谢谢工会关心", "OK thanks", "I will come",
            "1", "参加", "已阅"})
    void anOrdinaryReply_isNot(String body) {
        assertThat(Urgency.mightBeEmergency(body)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"求助", "救命", "急！快来人", "我爸摔倒了", "老伴胸口疼", "他晕过去了", "厨房着火了", "出车祸了",
            "快打120", "HELP", "my father fell", "chest pain", "他头上在流血", "人不行了"})
    void somethingHappeningNow_isClearlyAnEmergency(String body) {
        assertThat(Urgency.clearlyEmergency(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"收到，我家老人今年住院花了不少钱，想申请慰问", "奶奶走了，想问丧葬慰问怎么申请", "老伴最近身体不舒服",
            "爸爸发高烧", "she is unwell", "收到", "好的，谢谢"})
    void newsOfHardship_orAnOrdinaryReply_isNotClearlyOne(String body) {
        assertThat(Urgency.clearlyEmergency(body)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"又晕倒了", "快来", "快来人啊", "人呢？", "怎么还没来", "他不行了", "流血了", "喘不上气", "又暈倒了",
            "趕緊來", "救命", "急！", "HELP", "sos", "he is worse", "not breathing"})
    void aLaterMessageThatCallsForHelpNow_callsForHelp(String body) {
        assertThat(Urgency.callsForHelp(body)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"我已经叫了120", "在二楼 门没锁", "门口有车", "他在医院", "老伴胸口疼", "谢谢", "不用了", "好的"})
    void aLaterMessageWithNewsOnly_doesNotCallForHelp(String body) {
        assertThat(Urgency.callsForHelp(body)).isFalse();
    }
}
