package huzhu.core.care;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as news of a death in the family, and what must stay an emergency. */
class BereavementWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "我父亲今天早上去世了",
            "老人昨晚过世了，后天出殡",
            "家里办白事，想跟工会说一声",
            "我爸走了",
            "我妈今天凌晨已经走了",
            "老伴昨晚没了",
            "母亲病故，追悼会定在周六",
            "通知一下，岳父周三火化",
            "我家有丧事",
            "爺爺過世了",
            "My father passed away last night",
            "奶奶 去世 了。"})
    void aPlainReportOfADeath_isRecognised(String sms) {
        assertThat(BereavementWords.reportsADeath(sms)).as(sms).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "快来人，我爸不行了",
            "我妈晕倒了，是不是去世了",
            "爸爸没呼吸了，快救救他",
            "老人好像走了，叫不醒",
            "救命 父亲快不行了",
            "我爸走了半天还没回来，找不到人",
            "差点去世，现在在医院抢救",
            "他走了",
            "我走了，明天再来",
            "孩子走了两步就摔了",
            "家里着火了",
            "爸爸胸口疼",
            "老伴去世了？",
            "我妈走了吗",
            ""})
    void anythingUrgentUnsureOrNotADeath_isNot(String sms) {
        assertThat(BereavementWords.reportsADeath(sms)).as(sms).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "我父亲今天早上去世了, 父亲",
            "我爸走了, 父亲",
            "我妈今天凌晨已经走了, 母亲",
            "老伴昨晚没了, 老伴",
            "岳父周三火化, 岳父"})
    void theRelation_isTheFamilyWordBeforeTheDeath(String sms, String relation) {
        assertThat(BereavementWords.relation(sms)).contains(relation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"家里办白事", "有丧事"})
    void noFamilyWord_noRelation(String sms) {
        assertThat(BereavementWords.relation(sms)).isEmpty();
    }
}
