package huzhu.core.care;

import huzhu.core.kernel.Wire;

/**
 * What a follow-up is: a visit (慰问), assistance (帮扶), help with a bereavement's arrangements (协助料理后事), or a
 * safety check of a member's home (e.g. the summer round, 夏季安全检查).
 */
public enum FollowUpKind implements Wire {
    VISIT("visit"),
    ASSISTANCE("assistance"),
    BEREAVEMENT("bereavement"),
    SAFETY_CHECK("safety-check");

    private final String wire;

    FollowUpKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
