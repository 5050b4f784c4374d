package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** What an assistance application (帮扶申请) asks for: hardship (困难帮扶), medical costs (医疗救助), a bereavement (丧葬慰问), education (助学), a disaster (灾害救助), other. */
public enum ApplicationKind implements Wire {
    HARDSHIP("hardship"),
    MEDICAL("medical"),
    BEREAVEMENT("bereavement"),
    EDUCATION("education"),
    DISASTER("disaster"),
    OTHER("other");

    private final String wire;

    ApplicationKind(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
