package huzhu.core.directory;

/**
 * A phone's link to a member — the member's own phone, or a phone the member lists among their family contacts —
 * or a personal emergency link's, and the city the member lived in when the link was last written (null when
 * unknown). A lookup aid beside the member, not the member: for a moment after a change it can name a member who no
 * longer has the phone (or the token), or a city the member has left.
 */
public record PhoneLink(String memberId, String homeCity) {
}
