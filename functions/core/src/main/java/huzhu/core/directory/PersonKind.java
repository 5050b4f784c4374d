package huzhu.core.directory;

import huzhu.core.kernel.Wire;

/** What a phone is to the union, for notices and their replies. */
public enum PersonKind implements Wire {
    MEMBER("member"),
    FAMILY("family"),
    VOLUNTEER("volunteer"),
    LEADER("leader"),
    UNKNOWN("unknown");

    private final String wire;

    PersonKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
