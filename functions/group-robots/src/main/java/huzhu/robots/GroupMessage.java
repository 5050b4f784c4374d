package huzhu.robots;

/**
 * What goes to a group chat, whatever the vendor: a short title (shown in the chat list and the phone's
 * notification; may be empty) and plain text, lines separated by {@code \n}. Each robot renders it in its
 * vendor's text or rich format.
 */
public record GroupMessage(String title, String text) {
    public GroupMessage {
        title = title == null ? "" : title.strip();
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a group message needs text");
        text = text.strip();
    }

    /** Title and text as one plain text: the title is the first line. */
    String plain() {
        return title.isEmpty() ? text : title + "\n" + text;
    }
}
