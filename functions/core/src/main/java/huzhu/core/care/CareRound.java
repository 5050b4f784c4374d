package huzhu.core.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A care round (走访慰问): the visits officers plan at once for a chosen audience — sick members, families in
 * hardship, or every member's home for the summer safety check — one follow-up per member, listed under the round.
 * {@code memberIds} is who the audience was when the round was planned (later members are not added).
 */
public record CareRound(
        String id,
        String title,
        FollowUpKind kind,
        Audience audience,
        LocalDate dueDate,
        String owner,
        String notes,
        List<String> memberIds,
        Instant createdAt,
        String createdById,
        String createdBy) {

    public CareRound {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
    }

    /** Who the round visits: every member, the members of one unit, or members chosen one by one. */
    public record Audience(AudienceKind kind, String unit, List<String> memberIds) {
        public Audience {
            memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        }
    }

    public enum AudienceKind implements huzhu.core.kernel.Wire {
        ALL_MEMBERS("all-members"),
        UNIT("unit"),
        MEMBERS("members");

        private final String wire;

        AudienceKind(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }
}
