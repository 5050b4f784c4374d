package huzhu.core.care;

/** Who a notice goes to; {@code unit} names the unit when {@code kind} is {@link AudienceKind#UNIT}. */
public record NoticeAudience(AudienceKind kind, String unit) {
}
