package huzhu.sms.china;

import java.time.Instant;

/**
 * A carrier's word on one sent SMS (状态报告).
 *
 * @param providerMessageId the id the send returned (Alibaba {@code BizId}, Tencent {@code SerialNo})
 * @param to                the recipient in E.164
 * @param delivered         true when the phone received it; false for every failure (empty number, powered off
 *                          too long, blocked, rejected)
 * @param code              the carrier's status code ({@code DELIVERED}, {@code DELIVRD}, {@code MK:0001} …)
 * @param at                when the carrier reported it (or, failing that, when it was sent)
 * @param reference         what the send passed as its reference, or null
 */
public record DeliveryReport(String providerMessageId, String to, boolean delivered, String code, Instant at,
        String reference) {
}
