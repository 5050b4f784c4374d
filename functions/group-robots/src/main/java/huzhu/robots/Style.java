package huzhu.robots;

/** How a robot renders a {@link GroupMessage}. */
public enum Style {
    /** The vendor's plain text message, the title as its first line: shows the same everywhere. */
    TEXT,
    /** WeCom and DingTalk markdown, Feishu/Lark rich text ("post"): the title set apart. */
    RICH
}
