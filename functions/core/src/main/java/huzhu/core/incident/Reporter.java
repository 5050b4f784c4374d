package huzhu.core.incident;

/** Who raised the alarm. {@code verified} means the phone belongs to the member or a registered family contact. */
public record Reporter(String phone, String name, Channel channel, boolean verified) {
}
