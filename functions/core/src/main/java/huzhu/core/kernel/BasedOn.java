package huzhu.core.kernel;

import huzhu.core.error.ChangedMeanwhile;
import java.util.Set;

/**
 * The versions of a record an edit was based on (HTTP's If-Match): the edit applies only while the stored record
 * is one of them, so an officer saving what they opened never overwrites what somebody else saved meanwhile.
 * {@link #ANY}: no precondition, the edit applies to whatever is stored now (scripts that send no If-Match).
 */
public record BasedOn(Set<Long> versions) {
    public static final BasedOn ANY = new BasedOn(null);

    public BasedOn {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    public static BasedOn version(long version) {
        return new BasedOn(Set.of(version));
    }

    /** {@link ChangedMeanwhile} (412) unless {@code current} is a version the edit was based on. */
    public void require(long current) {
        if (versions != null && !versions.contains(current)) throw new ChangedMeanwhile();
    }
}
