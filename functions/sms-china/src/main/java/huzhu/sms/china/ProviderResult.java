package huzhu.sms.china;

/**
 * What a provider did with one SMS: accepted with its message id (Alibaba {@code BizId}, Tencent
 * {@code SerialNo}, the id its delivery report will carry), or failed, permanently or worth retrying later.
 * The same shape as the core's {@code SendResult}, so the Messenger adapter is a one-line mapping.
 */
public record ProviderResult(String messageId, String failureReason, boolean permanent) {
    public static ProviderResult sent(String messageId) {
        return new ProviderResult(messageId, null, false);
    }

    public static ProviderResult failed(String reason, boolean permanent) {
        return new ProviderResult(null, reason, permanent);
    }

    public boolean ok() {
        return messageId != null;
    }
}
