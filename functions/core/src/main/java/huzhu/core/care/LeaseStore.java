package huzhu.core.care;

import java.time.Instant;

/**
 * Named leases: at most one holder at a time, until the lease runs out. The periodic notice sender holds one
 * while it sends, so that two runs (a slow sweep and the next, or a sweep and an officer's "send now") do not
 * both send at the configured rate and together exceed it.
 */
public interface LeaseStore {
    /**
     * Takes the lease for {@code owner} until {@code until} if nobody holds it, its holder's time ran out
     * ({@code <= now}), or {@code owner} holds it already (then it is extended).
     * @return whether {@code owner} holds it now
     */
    boolean acquire(String name, String owner, Instant until, Instant now);

    /** Gives the lease up if {@code owner} holds it; otherwise does nothing. */
    void release(String name, String owner);
}
