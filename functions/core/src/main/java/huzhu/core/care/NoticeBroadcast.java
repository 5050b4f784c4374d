package huzhu.core.care;

import huzhu.core.sms.SendResult;


/**
 * A notice beside its SMS: in AWS the notices topic, whose subscriptions (the union's mailing list, a chat
 * hook) filter on the {@code audience} attribute. Best effort: never throws; the result says what happened.
 */
public interface NoticeBroadcast {
    NoticeBroadcast NONE = (notice, pageUrl) -> SendResult.failed("no notices topic configured", true);

    /** @param pageUrl the notice's public page */
    SendResult publish(Notice notice, String pageUrl);
}
