package huzhu.core.incident;

import huzhu.core.kernel.Wire;

/** Who a policy level reaches. */
public enum Notify implements Wire {
    NEARBY_VOLUNTEERS("nearby-volunteers"),
    LEADERS("leaders");

    private final String wire;

    Notify(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
