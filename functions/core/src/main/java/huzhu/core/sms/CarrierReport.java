package huzhu.core.sms;

/**
 * A carrier's word on one SMS we sent (a provider's delivery report, 状态报告): {@code messageId} is the id the
 * send returned (Alibaba BizId, Tencent SerialNo, SNS message id); {@code delivered} false for every failure
 * (empty number, phone off too long, blocked, rejected); {@code code} the carrier's status code, for the record.
 */
public record CarrierReport(String messageId, boolean delivered, String code) {
}
