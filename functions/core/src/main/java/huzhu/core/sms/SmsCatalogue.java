package huzhu.core.sms;

import static huzhu.core.sms.VariableType.ADDRESS;
import static huzhu.core.sms.VariableType.AMOUNT;
import static huzhu.core.sms.VariableType.CODE;
import static huzhu.core.sms.VariableType.FREE_TEXT;
import static huzhu.core.sms.VariableType.LINK;
import static huzhu.core.sms.VariableType.MINUTES;
import static huzhu.core.sms.VariableType.NAME;
import static huzhu.core.sms.VariableType.PHONE;
import static huzhu.core.sms.VariableType.TIME;
import static huzhu.core.sms.VariableType.WORD;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SMS the system can send, each a {@link SmsTemplate}: the one source of outbound texts. Nothing else
 * builds an SMS ({@link SmsComposer} renders only these), and a union registers exactly these with a domestic
 * provider ({@link RegistrationSheet}). A new message is declared here, with its text in both bundles.
 */
public final class SmsCatalogue {
    /** The incident code: letters and digits, short enough to type back. */
    static final SmsVariable INCIDENT_CODE = CODE.as("code", 6);
    /** An ack link on the HTTP API's default URL (execute-api, the longest region names) is 85 characters. */
    static final int ACK_LINK_MAX = 85;
    /** A personal emergency link (95) or a notice's page (100) on that URL. */
    static final int PAGE_LINK_MAX = 100;

    private static final List<SmsTemplate> ALL = List.of(
            // ---------------------------------------------------------------- alerts
            template("alert", "紧急求助：通知附近的互助队员或领导，含接单链接", "Help request: alerts nearby volunteers or leaders, with the ack link",
                    vars(INCIDENT_CODE, NAME.as("member", 20), ADDRESS.as("address", 35), WORD.as("type", 12),
                            FREE_TEXT.as("message", 35), NAME.as("reporter", 20), LINK.as("link", ACK_LINK_MAX)),
                    List.of("reporter", "message", "address", "member", "type"), "alert.noLink"),
            template("alert.noLink", "紧急求助：通知附近的互助队员或领导（不含链接，回复短信接单）",
                    "Help request: alerts nearby volunteers or leaders (no link; they answer by SMS)",
                    vars(INCIDENT_CODE, NAME.as("member", 20), ADDRESS.as("address", 35), WORD.as("type", 12),
                            FREE_TEXT.as("message", 35), NAME.as("reporter", 20)),
                    List.of("reporter", "message", "address", "member", "type"), null),
            template("alert.unverified", "陌生号码求助：通知值班领导核实，含接单链接",
                    "Help request from an unknown number: alerts the duty leaders to check it, with the ack link",
                    vars(INCIDENT_CODE, PHONE.as("phone", 16), FREE_TEXT.as("message", 35), LINK.as("link", ACK_LINK_MAX)),
                    List.of("message"), "alert.unverified.noLink"),
            template("alert.unverified.noLink", "陌生号码求助：通知值班领导核实（不含链接，回复短信接单）",
                    "Help request from an unknown number: alerts the duty leaders to check it (no link)",
                    vars(INCIDENT_CODE, PHONE.as("phone", 16), FREE_TEXT.as("message", 35)), List.of("message"), null),
            template("exhausted.officer", "所有级别都已通知仍无人接单：请值班人员人工处理",
                    "Nobody accepted at any level: the duty officer must act", vars(INCIDENT_CODE), List.of(), null),

            // ---------------------------------------------------------------- receipts to whoever asked for help
            template("receipt", "会员或家属求助后的回执：编号与拨打120的提醒",
                    "Receipt to a member or family member who asked for help: the code and the reminder to call 120",
                    vars(INCIDENT_CODE), List.of(), null),
            template("receipt.unverified", "陌生号码求助后的回执：编号与拨打120的提醒",
                    "Receipt to an unknown number that asked for help: the code and the reminder to call 120",
                    vars(INCIDENT_CODE), List.of(), null),
            template("memberNotice", "告诉会员本人：家人发出了求助", "Tells the member that their family asked for help",
                    vars(INCIDENT_CODE, FREE_TEXT.as("message", 35)), List.of("message"), null),
            template("accepted.family", "告诉求助的家属：谁接单了、电话多少", "Tells the family who is coming and their phone",
                    vars(NAME.as("name", 20), PHONE.as("phone", 16), INCIDENT_CODE), List.of("name"), null),
            template("accepted.unverified", "告诉陌生号码求助者：已有人处理", "Tells an unknown number that someone handles it",
                    vars(INCIDENT_CODE), List.of(), null),
            template("relayed", "告诉报告人：补充的话已转达", "Tells the reporter their further words were passed on",
                    vars(INCIDENT_CODE), List.of(), null),

            // ---------------------------------------------------------------- to the people alerted
            template("accepted.responder", "接单的队员：去哪里、打给谁", "The responder who accepted: where to go, whom to call",
                    vars(INCIDENT_CODE, ADDRESS.as("address", 35), PHONE.as("reporterPhone", 16)), List.of("address"),
                    null),
            template("accepted.responder.noPhone", "接单的队员：去哪里（报告人未留电话）",
                    "The responder who accepted: where to go (the reporter left no phone)",
                    vars(INCIDENT_CODE, ADDRESS.as("address", 35)), List.of("address"), null),
            template("accepted.leader", "告诉收到通知的领导：谁接单了", "Tells an alerted leader who took it",
                    vars(INCIDENT_CODE, NAME.as("name", 20), PHONE.as("phone", 16)), List.of("name"), null),
            template("standDown", "告诉其他收到通知的队员：已有人接单，无需前往", "Tells the other alerted volunteers to stand down",
                    vars(INCIDENT_CODE), List.of(), null),
            template("alreadyTaken", "回复晚到的接单：已由他人接手", "Answers a late accept: someone else took it",
                    vars(INCIDENT_CODE, NAME.as("name", 20)), List.of("name"), null),
            template("alreadyYours", "回复重复的接单：您已接单", "Answers a repeated accept: it is already yours",
                    vars(INCIDENT_CODE), List.of(), null),
            template("declined", "回复“无法前往”", "Answers a decline", vars(INCIDENT_CODE), List.of(), null),
            template("arrived", "回复“已到达”", "Answers an arrival", vars(INCIDENT_CODE), List.of(), null),
            template("done", "回复“已完成”", "Answers done", vars(INCIDENT_CODE), List.of(), null),
            template("closed", "事件已结束：告诉收到通知的人无需前往", "The incident is closed: nobody needs to go",
                    vars(INCIDENT_CODE), List.of(), null),
            template("notResponder", "回复未接单者的“到达/完成”：请先接单", "Answers arrived/done from someone who did not accept",
                    vars(INCIDENT_CODE), List.of(), null),
            template("cancelled", "事件被值班人员取消（误报等）：无需前往", "An officer cancelled it (false alarm): nobody needs to go",
                    vars(INCIDENT_CODE, FREE_TEXT.as("reason", 35)), List.of("reason"), null),
            template("relay", "报告人的补充，转给接单的人", "The reporter's further words, passed on to the responders",
                    vars(INCIDENT_CODE, FREE_TEXT.as("text", 35)), List.of("text"), null),

            // ---------------------------------------------------------------- conversations: replies, ETAs, cancelling
            template("reply.question", "看不懂接到通知的人的回复：问一次，回复1接单或0无法前往",
                    "An alerted person's reply was not understood: asked once, 1 to accept or 0 to decline",
                    vars(INCIDENT_CODE), List.of(), null),
            template("reply.question.responder", "看不懂接单人的回复：问一次，到达回复2、完成回复9",
                    "The responder's reply was not understood: asked once, 2 on arrival or 9 when done",
                    vars(INCIDENT_CODE), List.of(), null),
            template("reply.noted", "之后仍看不懂的回复：已记下，值班人员会看到",
                    "Later replies not understood: noted for the duty officers", vars(INCIDENT_CODE), List.of(), null),
            template("accepted.family.eta", "告诉求助的家属：谁接单了、电话多少、预计几分钟后几点到",
                    "Tells the family who is coming, their phone, and in how many minutes (at what time)",
                    vars(NAME.as("name", 20), PHONE.as("phone", 16), MINUTES.as("minutes", 3), TIME.as("time", 5),
                            INCIDENT_CODE),
                    List.of("name"), null),
            template("accepted.unverified.eta", "告诉陌生号码求助者：已有人处理，预计几分钟后几点到",
                    "Tells an unknown number that someone handles it, and in how many minutes (at what time)",
                    vars(INCIDENT_CODE, MINUTES.as("minutes", 3), TIME.as("time", 5)), List.of(), null),
            template("eta.family", "接单人更新了预计到达时间：告诉家属", "The responder's new ETA, told to the family",
                    vars(NAME.as("name", 20), MINUTES.as("minutes", 3), TIME.as("time", 5), INCIDENT_CODE),
                    List.of("name"), null),
            template("eta.unverified", "接单人更新了预计到达时间：告诉陌生号码求助者（不含姓名）",
                    "The responder's new ETA, told to an unknown number (no name)",
                    vars(INCIDENT_CODE, MINUTES.as("minutes", 3), TIME.as("time", 5)), List.of(), null),
            template("eta.noted", "回复接单人的预计到达：已告知家属", "Answers the responder's ETA: the family was told",
                    vars(TIME.as("time", 5), INCIDENT_CODE), List.of(), null),
            template("relay.urgent", "报告人补充的话里有求救的话：标为紧急，转给处理的人",
                    "The reporter's further words call for help: passed on, marked urgent",
                    vars(INCIDENT_CODE, FREE_TEXT.as("text", 35)), List.of("text"), null),
            template("urgent.officer", "仍无人接单时报告人又求救：告诉值班领导",
                    "The reporter calls for help again while nobody has accepted: tells the duty officers",
                    vars(INCIDENT_CODE, FREE_TEXT.as("text", 35)), List.of("text"), null),
            template("cancel.ask", "家属说不用了：请回复“取消+编号”确认", "The family says help is no longer needed: asked to confirm with the code",
                    vars(INCIDENT_CODE), List.of(), null),
            template("cancel.done", "家属确认取消：已取消并通知了相关人员", "The family confirmed: cancelled, everyone alerted was told",
                    vars(INCIDENT_CODE), List.of(), null),
            template("cancel.member", "告诉会员本人：家人取消了求助（家人的原话）",
                    "Tells the member that their family cancelled (in the family's words)",
                    vars(INCIDENT_CODE, FREE_TEXT.as("reason", 35)), List.of("reason"), null),
            template("cancel.closed", "求助已结束，无需取消", "The request is already closed: nothing to cancel",
                    vars(INCIDENT_CODE), List.of(), null),
            template("lateNote", "求助结束后家属又发来致谢等：已记下", "A family's thanks after it closed: noted",
                    vars(INCIDENT_CODE), List.of(), null),
            template("relay.capped", "报告人补充太多：已记下，不再逐条转发", "Too many further words from one reporter: noted, no longer passed on",
                    vars(INCIDENT_CODE), List.of(), null),
            template("relay.capped.officer", "告诉值班领导：某报告人的补充不再转发，请看控制台",
                    "Tells the duty officers that a reporter's words are no longer passed on: see the console",
                    vars(INCIDENT_CODE), List.of(), null),
            template("unverifiedCap.officer", "告诉值班领导：本小时陌生号码求助已达上限",
                    "Tells the duty officers that unknown numbers reached this hour's limit of requests",
                    vars(), List.of(), null),

            // ---------------------------------------------------------------- the union's number
            template("unknownSender", "陌生号码发来的普通短信：如何求助", "An unknown number's ordinary text: how to ask for help",
                    vars(), List.of(), null),
            template("optedOut", "退订回执", "Opt-out receipt", vars(), List.of(), null),
            template("optOut.officer", "告诉值班领导：某队员已退订并下线", "Tells the duty officers that a volunteer opted out",
                    vars(NAME.as("name", 20)), List.of("name"), null),

            // ---------------------------------------------------------------- introductions to family contacts
            template("intro", "告诉会员的家属联系人：如何求助（工会号码与一键求助链接）",
                    "Tells a member's family contact how to ask for help (the union's number and the one-tap link)",
                    vars(NAME.as("contact", 20), NAME.as("member", 20), PHONE.as("number", 16), LINK.as("link", PAGE_LINK_MAX)),
                    List.of("contact"), "intro.noLink"),
            template("intro.noLink", "告诉会员的家属联系人：如何求助（工会号码）",
                    "Tells a member's family contact how to ask for help (the union's number)",
                    vars(NAME.as("contact", 20), NAME.as("member", 20), PHONE.as("number", 16)),
                    List.of("contact", "member"), null),
            template("intro.replyHere", "告诉会员的家属联系人：如何求助（回复本短信与一键求助链接）",
                    "Tells a member's family contact how to ask for help (reply to this SMS, the one-tap link)",
                    vars(NAME.as("contact", 20), NAME.as("member", 20), LINK.as("link", PAGE_LINK_MAX)),
                    List.of("contact"), "intro.replyHere.noLink"),
            template("intro.replyHere.noLink", "告诉会员的家属联系人：如何求助（回复本短信）",
                    "Tells a member's family contact how to ask for help (reply to this SMS)",
                    vars(NAME.as("contact", 20), NAME.as("member", 20)), List.of("contact", "member"), null),
            template("intro.link", "会员的一键求助链接（介绍短信放不下时单独发）",
                    "The member's one-tap help link (on its own when the introduction has no room)",
                    vars(NAME.as("member", 20), LINK.as("link", PAGE_LINK_MAX)), List.of("member"), null),

            // ---------------------------------------------------------------- notices
            template("notice", "工会通知（全文）", "A union notice (whole)",
                    vars(FREE_TEXT.as("title", 20), FREE_TEXT.as("text", 120)), List.of("text", "title"), null),
            template("notice.link", "工会通知（摘要与全文链接）", "A union notice (its start and a link to all of it)",
                    vars(FREE_TEXT.as("title", 20), FREE_TEXT.as("text", 120), LINK.as("link", PAGE_LINK_MAX)),
                    List.of("text", "title"), "notice"),
            template("notice.replied", "回复通知的留言回执", "Receipt for a reply to a notice", vars(), List.of(), null),
            template("notice.askIfEmergency", "回复通知的留言可能是求助：请对方如是紧急情况回复“求助”",
                    "A reply to a notice that might be a call for help: asks the sender to reply HELP if it is",
                    vars(), List.of(), null),

            // ---------------------------------------------------------------- assistance applications, at each step
            template("application.submitted", "帮扶申请已收到：告诉会员和申请的家属", "An assistance application was received: to the member and the family who applied",
                    vars(WORD.as("kind", 8)), List.of(), null),
            template("application.reviewed", "帮扶申请已审核，等待批准", "An assistance application was reviewed and awaits the decision",
                    vars(WORD.as("kind", 8), NAME.as("by", 20)), List.of("by"), null),
            template("application.approved", "帮扶申请已批准：金额与经办人", "An assistance application was approved: the amount and who decided",
                    vars(WORD.as("kind", 8), AMOUNT.as("amount", 11), NAME.as("by", 20)), List.of("by"), null),
            template("application.rejected", "帮扶申请未获批准：原因与经办人", "An assistance application was not approved: why, and who decided",
                    vars(WORD.as("kind", 8), FREE_TEXT.as("note", 35), NAME.as("by", 20)), List.of("note", "by"), null),
            template("application.paid", "帮扶补助已发放", "An assistance was paid",
                    vars(WORD.as("kind", 8), AMOUNT.as("amount", 11), NAME.as("by", 20)), List.of("by"), null),

            // ---------------------------------------------------------------- family contacts changed on the page
            template("contactRequest.received", "告诉会员：有人通过个人页面申请更改家属联系人",
                    "Tells the member that someone asked on their page to change the family contacts",
                    vars(FREE_TEXT.as("change", 30)), List.of("change"), null),
            template("contactRequest.approved", "告诉会员：家属联系人更改已办理", "Tells the member the change of family contacts was made",
                    vars(FREE_TEXT.as("change", 30), NAME.as("by", 20)), List.of("change", "by"), null),
            template("contactRequest.rejected", "告诉会员：家属联系人更改未办理及原因", "Tells the member the change was not made, and why",
                    vars(FREE_TEXT.as("change", 30), FREE_TEXT.as("note", 35), NAME.as("by", 20)),
                    List.of("note", "change", "by"), null),

            // ---------------------------------------------------------------- a death in a member's family
            template("bereavement.leader", "会员家中有人去世：同时告诉两级工会领导（无需回复）",
                    "A death in a member's family: tells the union's leaders of both levels at once (no reply needed)",
                    vars(INCIDENT_CODE, NAME.as("member", 20), NAME.as("unit", 20), NAME.as("who", 20),
                            FREE_TEXT.as("message", 35)), List.of("message", "unit", "who"), null),
            template("bereavement.received", "家属报丧后的回执：慰问与编号", "Receipt to the family who reported a death: condolences and the code",
                    vars(INCIDENT_CODE), List.of(), null),
            template("bereavement.noted", "家属就白事补充的话已转告工会", "The family's further words about the death were passed on",
                    vars(INCIDENT_CODE), List.of(), null),

            // ---------------------------------------------------------------- officers at the console
            template("officer.family", "值班干部接手：告诉家属由谁处理", "An officer took the incident: tells the family who has it",
                    vars(NAME.as("name", 20), INCIDENT_CODE), List.of("name"), null),
            template("officer.standDown", "值班干部接手：告诉已通知的人无需前往", "An officer took the incident: the alerted need not go",
                    vars(INCIDENT_CODE, NAME.as("name", 20)), List.of("name"), null),
            template("assign.standDown", "值班干部改派：告诉原来接单或收到通知的人无需前往",
                    "An officer handed the incident to someone: the others need not go",
                    vars(INCIDENT_CODE, NAME.as("name", 20)), List.of("name"), null),
            template("officer.message", "值班干部从求助页发给家属或报告人的短信（对方回复进入时间线）",
                    "An officer's words to the family or the reporter (their answer goes to the timeline)",
                    vars(NAME.as("name", 20), INCIDENT_CODE, FREE_TEXT.as("text", 60)), List.of("text", "name"), null),
            template("duty.start", "值班第一天：告诉接班的干部", "A duty shift's first day: tells the officer coming on duty",
                    vars(NAME.as("name", 20), TIME.as("to", 10)), List.of("name"), null),
            template("duty.handover", "值班结束：告诉下班的干部由谁接班", "A shift ended: tells the officer going off duty who takes over",
                    vars(NAME.as("name", 20), NAME.as("next", 20)), List.of("name", "next"), null));

    private static final Map<String, SmsTemplate> BY_NAME = index();

    private SmsCatalogue() {
    }

    public static List<SmsTemplate> all() {
        return ALL;
    }

    public static Optional<SmsTemplate> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** @throws IllegalArgumentException for a name the catalogue does not declare */
    public static SmsTemplate get(String name) {
        SmsTemplate t = BY_NAME.get(name);
        if (t == null) throw new IllegalArgumentException("not an SMS template of the catalogue: " + name);
        return t;
    }

    /**
     * The template {@code provider} sends for {@code template}: itself, its link-free form where the provider
     * forbids links in variables, or none (its content reaches the reader another way).
     */
    public static Optional<SmsTemplate> forProvider(SmsTemplate template, SmsProvider provider) {
        if (provider.variableLinks() || !template.hasLink()) return Optional.of(template);
        return template.withoutLinks() == null ? Optional.empty() : Optional.of(get(template.withoutLinks()));
    }

    /**
     * What is wrong with {@code sms} as a catalogue message (empty when nothing): a template the catalogue does not
     * hold, a variable it does not declare or longer than allowed, a text that is not the template filled with the
     * variables. Tests hold every message the services send to this.
     */
    public static List<String> problems(RenderedSms sms) {
        List<String> out = new java.util.ArrayList<>();
        SmsTemplate t = sms.template();
        if (BY_NAME.get(t.name()) != t) out.add("not a catalogue template: " + t.name());
        for (Map.Entry<String, String> v : sms.variables().entrySet()) {
            Optional<SmsVariable> declared = t.variable(v.getKey());
            if (declared.isEmpty()) {
                out.add(t.name() + " has no variable " + v.getKey());
            } else if (declared.get().type().cuttable()
                    && SmsValues.length(v.getValue()) > declared.get().maxLength(sms.provider())) {
                out.add(t.name() + "." + v.getKey() + " is longer than " + declared.get().maxLength(sms.provider()));
            }
        }
        if (!sms.variables().keySet().equals(new java.util.LinkedHashSet<>(t.order(sms.language())))) {
            out.add(t.name() + " fills " + sms.variables().keySet() + ", its text uses " + t.order(sms.language()));
        }
        Map<String, Object> args = new LinkedHashMap<>(sms.variables());
        args.put(SmsTemplate.SIGNATURE, "");
        String body = huzhu.core.kernel.Messages.text(sms.language(), t.key(), args);
        if (!sms.text().endsWith(body)) out.add(t.name() + ": the text is not the template filled with its variables");
        return out;
    }

    private static SmsTemplate template(String name, String useCaseZh, String useCaseEn, List<SmsVariable> variables,
            List<String> shrinkOrder, String withoutLinks) {
        return new SmsTemplate(name, useCaseZh, useCaseEn, variables, shrinkOrder, withoutLinks);
    }

    private static List<SmsVariable> vars(SmsVariable... variables) {
        return List.of(variables);
    }

    private static Map<String, SmsTemplate> index() {
        Map<String, SmsTemplate> m = new LinkedHashMap<>();
        for (SmsTemplate t : ALL) {
            if (m.put(t.name(), t) != null) throw new IllegalStateException("two SMS templates named " + t.name());
        }
        return m;
    }
}
