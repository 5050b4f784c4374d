package huzhu.core.incident;

/** Who raised the alarm. {@code verified} means the phone belongs to the member or a registered family contact. */
public record Reporter(String phone, String name, Channel channel, boolean verified) {
    /** How the timeline names them: their name, else their phone, else the channel they used. */
    public String actor() {
        return name != null ? name : phone != null ? phone : channel.wire();
    }
}
