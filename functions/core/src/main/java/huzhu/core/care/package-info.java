/**
 * The care around the emergencies: family introductions ({@link huzhu.core.care.OnboardingService}), notices
 * ({@link huzhu.core.care.NoticeDrafts}, sent at a pace by {@link huzhu.core.care.NoticeSender}, replies in
 * {@link huzhu.core.care.NoticeReplyInbox}), assistance applications ({@link huzhu.core.care.ApplicationService}),
 * follow-ups after an incident ({@link huzhu.core.care.FollowUpService}), and the bulk SMS run that sends them
 * ({@link huzhu.core.care.CampaignService}).
 */
package huzhu.core.care;
