package huzhu.core.care;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One step of an application: who took it and when, with the officer's note and, for an approval or a
 * payment, the amount.
 */
public record ApplicationStep(ApplicationStatus status, Instant at, String actorId, String actorName, String note,
        BigDecimal amount) {
}
