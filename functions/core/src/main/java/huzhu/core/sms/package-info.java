/**
 * Outbound SMS: the {@link huzhu.core.sms.SmsCatalogue} of every message the system sends (named templates with
 * typed, length-bounded variables, texts in the bundles), {@link huzhu.core.sms.SmsComposer}, the only renderer,
 * which makes a {@link huzhu.core.sms.RenderedSms} for SNS or for a domestic provider's rules
 * ({@link huzhu.core.sms.SmsProvider}), the {@link huzhu.core.sms.RegistrationSheet} a union submits, the
 * {@link huzhu.core.sms.Messenger} port with its {@link huzhu.core.sms.OutboundSms} and
 * {@link huzhu.core.sms.SendResult}; opt-outs.
 */
package huzhu.core.sms;
