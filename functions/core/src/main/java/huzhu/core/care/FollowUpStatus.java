package huzhu.core.care;

import huzhu.core.kernel.Wire;

public enum FollowUpStatus implements Wire {
    PLANNED("planned"),
    DONE("done");

    private final String wire;

    FollowUpStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
