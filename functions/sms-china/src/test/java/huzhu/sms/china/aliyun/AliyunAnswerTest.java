package huzhu.sms.china.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import huzhu.sms.china.Attempts;
import huzhu.sms.china.HttpPost;
import org.junit.jupiter.api.Test;

/** Alibaba's answer to one SendSms, read into a message id or a failure. */
class AliyunAnswerTest {

    @Test
    void anOkWithoutABizId_isATransientFailure_notTriedAgainNow() {
        // given: Alibaba says OK but names no message to follow
        HttpPost.Reply reply = new HttpPost.Reply(200, "{\"Code\":\"OK\",\"Message\":\"OK\"}");

        // when
        Attempts.Answer answer = AliyunSms.answer(reply);

        // then: it may have gone out, so neither permanent nor retried at once
        assertThat(answer.messageId()).isNull();
        assertThat(answer.failure().reason()).isEqualTo("no-message-id (OK, HTTP 200)");
        assertThat(answer.failure().permanent()).isFalse();
        assertThat(answer.failure().retryNow()).isFalse();
    }

    @Test
    void anOkWithABizId_isSent() {
        // given
        HttpPost.Reply reply = new HttpPost.Reply(200, "{\"Code\":\"OK\",\"BizId\":\"9006197469364984400\"}");

        // when
        Attempts.Answer answer = AliyunSms.answer(reply);

        // then
        assertThat(answer.messageId()).isEqualTo("9006197469364984400");
        assertThat(answer.failure()).isNull();
    }
}
