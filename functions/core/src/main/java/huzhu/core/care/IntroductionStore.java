package huzhu.core.care;

import huzhu.core.kernel.StaleWrite;
import java.util.List;
import java.util.Optional;

/** Family introductions: one record per (member, contact phone), the latest attempt. */
public interface IntroductionStore {
    /**
     * Writes the record if the stored one (same member and phone) has version {@code next.version() - 1}, or if
     * there is none and {@code next.version()} is 1; otherwise throws {@link StaleWrite} and writes nothing.
     */
    void save(FamilyIntroduction next);

    Optional<FamilyIntroduction> get(String memberId, String phone);

    /** This member's introductions, by phone. */
    List<FamilyIntroduction> ofMember(String memberId);

    /** Every introduction, for the coverage report (a union has hundreds of family contacts). */
    List<FamilyIntroduction> all();

    /** Those with this status, oldest request first: what the periodic sender drains. */
    List<FamilyIntroduction> withStatus(IntroductionStatus status);
}
