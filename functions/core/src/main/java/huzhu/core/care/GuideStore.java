package huzhu.core.care;

import java.util.Optional;

/** The union's operation guide for assistance, once officers have saved one. */
public interface GuideStore {
    Optional<AssistanceGuide> guide();

    void saveGuide(AssistanceGuide guide);
}
