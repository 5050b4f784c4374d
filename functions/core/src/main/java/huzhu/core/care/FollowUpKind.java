package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** Care after the emergency: a visit (慰问), assistance (帮扶), bereavement help. */
public enum FollowUpKind implements Wire {
    VISIT("visit"),
    ASSISTANCE("assistance"),
    BEREAVEMENT("bereavement");

    private final String wire;

    FollowUpKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
