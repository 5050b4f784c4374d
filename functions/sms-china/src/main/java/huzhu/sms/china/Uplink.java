package huzhu.sms.china;

import java.time.Instant;

/**
 * One SMS a person sent to the union's domestic number, as a provider reported it.
 *
 * @param providerMessageId the provider's id of this reply (Alibaba {@code sequence_id}; Tencent sends none, so
 *                          a digest of sender, time and text stands in): the key that makes a repeated push
 *                          change nothing
 * @param from              the sender in E.164
 * @param body              the text as typed, emoji and all
 * @param at                when the carrier received it
 */
public record Uplink(String providerMessageId, String from, String body, Instant at) {
}
