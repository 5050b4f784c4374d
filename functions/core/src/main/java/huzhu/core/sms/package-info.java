/**
 * Outbound SMS: the {@link huzhu.core.sms.Messenger} port, its {@link huzhu.core.sms.OutboundSms} and
 * {@link huzhu.core.sms.SendResult}, and {@link huzhu.core.sms.SmsComposer}, through which every outbound text is
 * rendered from a message key (the one place a catalogue of templates would plug in); opt-outs.
 */
package huzhu.core.sms;
