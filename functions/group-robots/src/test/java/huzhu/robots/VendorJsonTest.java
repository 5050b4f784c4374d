package huzhu.robots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VendorJsonTest {

    @Test
    void reply_readsWeComAndDingTalksErrcode_andFeishusCode() {
        assertThat(VendorJson.reply("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"))
                .contains(new VendorJson.Reply(45009, "api freq out of limit"));
        assertThat(VendorJson.reply("{\"code\":19021,\"data\":{\"x\":[1,2]},\"msg\":\"sign match fail\"}"))
                .contains(new VendorJson.Reply(19021, "sign match fail"));
    }

    @Test
    void reply_fallsBackToFeishusOldStatusCode() {
        assertThat(VendorJson.reply("{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}"))
                .contains(new VendorJson.Reply(0, "success"));
    }

    @Test
    void reply_isEmpty_forABodyWithoutACode() {
        assertThat(VendorJson.reply("<html>502 Bad Gateway</html>")).isEmpty();
        assertThat(VendorJson.reply("{\"status\":1111,\"wait\":5}")).isEmpty();
        assertThat(VendorJson.reply("")).isEmpty();
        assertThat(VendorJson.reply("[1]")).isEmpty();
    }

    @Test
    void utf8Truncate_cutsAtWholeCharacters_withinTheByteLimit() {
        assertThat(Utf8.truncate("互助互助", 12)).isEqualTo("互助互助");
        assertThat(Utf8.truncate("互助互助", 11)).isEqualTo("互助…");
        assertThat(Utf8.length(Utf8.truncate("a互".repeat(1000), 2048))).isLessThanOrEqualTo(2048);
    }
}
