package huzhu.core.care;

import java.util.Optional;

/** The union's operation guide for assistance, once officers have saved one. */
public interface GuideStore {
    Optional<AssistanceGuide> guide();

    /**
     * Saves it if the stored guide's version is {@code guide.version() - 1} (none stored: 0); throws
     * {@link huzhu.core.kernel.StaleWrite} (nothing written) if it is not.
     */
    void saveGuide(AssistanceGuide guide);
}
