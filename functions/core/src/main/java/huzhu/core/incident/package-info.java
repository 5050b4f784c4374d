/**
 * Emergencies, from the alarm to the close: the {@link huzhu.core.incident.Incident} and its rules, and every way
 * one is raised or answered.
 * <ul>
 *   <li>Raising it: {@link huzhu.core.incident.TriggerService} (the personal emergency link),
 *       {@link huzhu.core.incident.InboundSmsService} (an SMS to the union's number),
 *       {@link huzhu.core.incident.IncidentService} (an officer at the console).</li>
 *   <li>A volunteer replies "1" or "好的，马上到": {@link huzhu.core.incident.InboundSmsService} sees that the
 *       sender holds an alert and hands the text to {@code AlertHolderReplies}, which reads it
 *       ({@link huzhu.core.incident.ReplyGrammar}, words in {@code ReplyWords}), finds the alert it answers, then
 *       {@link huzhu.core.incident.Dispatcher#respond} hands it to {@code Responses}: the first to accept takes the
 *       incident, everyone else is stood down, the family hears who is coming (and when, with an ETA). A reply not
 *       understood is kept and answered with one question. The ack link
 *       ({@link huzhu.core.incident.AckService}) ends in the same place.</li>
 *   <li>The family texts again: {@code ReporterFollowUps} passes it on (urgent with help words, {@link
 *       huzhu.core.incident.Urgency#callsForHelp}), or asks them to confirm a wish to stand down
 *       ({@code StandDownWords}) and cancels on "取消N47"; each sender's texts are capped.</li>
 *   <li>Nobody answers: {@code Escalation} moves the incident along its {@link huzhu.core.incident.EscalationPolicy}
 *       at each deadline; {@code LevelPlanner} decides whom each level alerts, {@code AlertDelivery} sends the
 *       alerts and retries them (the outbox).</li>
 *   <li>What it says: {@code IncidentTexts} (every SMS and timeline text of the path), {@code LeaderNews} (the
 *       leaders' topics and the officers' alarm).</li>
 * </ul>
 */
package huzhu.core.incident;
