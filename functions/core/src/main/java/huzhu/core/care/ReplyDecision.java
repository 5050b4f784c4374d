package huzhu.core.care;

import huzhu.core.kernel.Wire;

/** What became of an SMS taken as a reply to a notice, shown to officers beside it. */
public enum ReplyDecision implements Wire {
    /** an ordinary reply: thanked (once per notice), nothing more */
    REPLY("reply"),
    /** it might be an emergency: kept as a reply, and the sender asked to text 求助 if it is one */
    ASKED("asked");

    private final String wire;

    ReplyDecision(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
