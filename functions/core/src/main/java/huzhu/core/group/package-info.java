/**
 * The union's group chats (its 工会工作群 and a leaders' group) as a channel beside SMS. The core only states plain
 * facts ({@link huzhu.core.group.GroupFact}: an incident was opened, taken after so long, escalated, resolved; a
 * notice went out; a death in a member's family was recorded) through one port,
 * {@link huzhu.core.group.GroupAnnouncements}; how a fact reads in a group, which group takes it and how it is
 * posted is the adapter's (huzhu.robots). A group post is never in the way of an SMS.
 */
package huzhu.core.group;
