package huzhu.core.port;

/** Sends SMS. Never throws for one bad recipient: the result says what happened. */
public interface Messenger {
    SendResult send(OutboundSms sms);
}
