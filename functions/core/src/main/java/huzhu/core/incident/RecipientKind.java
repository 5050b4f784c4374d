package huzhu.core.incident;

import huzhu.core.kernel.Wire;

public enum RecipientKind implements Wire {
    VOLUNTEER("volunteer"),
    LEADER("leader");

    private final String wire;

    RecipientKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
