package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** Who a notice goes to: every member, the members of one unit, the volunteers, the leaders, or the members' family contacts. */
public enum AudienceKind implements Wire {
    ALL_MEMBERS("all-members"),
    UNIT("unit"),
    VOLUNTEERS("volunteers"),
    LEADERS("leaders"),
    FAMILY_CONTACTS("family-contacts");

    private final String wire;

    AudienceKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
