package huzhu.console;

import static huzhu.console.Routes.OPERATE;
import static huzhu.console.Routes.READ;
import static huzhu.console.Routes.actor;
import static huzhu.console.Routes.body;
import static huzhu.console.Routes.created;
import static huzhu.console.Routes.ok;
import static huzhu.console.Routes.read;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import huzhu.core.Services;
import huzhu.core.care.ApplicationService.ApplicationInput;
import huzhu.core.care.ApplicationService.StepInput;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.care.CampaignService;
import huzhu.core.care.FamilyIntroduction;
import huzhu.core.care.Notice;
import huzhu.core.care.NoticeDelivery;
import huzhu.core.care.NoticeDrafts;
import huzhu.core.care.NoticeDrafts.NoticeInput;
import huzhu.core.care.NoticeReply;
import huzhu.core.care.OnboardingService;
import huzhu.core.directory.Member;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.kernel.Page;
import huzhu.http.ApiRequest;
import huzhu.http.ApiResponse;
import huzhu.http.Caller;
import huzhu.http.Html;
import huzhu.http.Role;
import huzhu.http.Router;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console routes of the care around emergencies — family introductions, notices, assistance applications, their report — and the
 * public notice page that long notices link to. Same roles as elsewhere: admin and officer write, every role reads;
 * rotating a member's personal link is the admin's, as on the trigger-link route. Kept apart from
 * {@link ConsoleApiHandler}, which registers them with one call.
 */
final class CareRoutes {
    private static final Html NOTICE_PAGE = Html.template(CareRoutes.class, "/huzhu/console/pages/notice.html");
    private static final DateTimeFormatter PAGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private CareRoutes() {
    }

    /** {@code rotateLink}: issue a new personal link even though the member has one (admin only). */
    public record IntroduceInput(Boolean rotateLink) {
    }

    /** {@code includeReached}: introduce again the families already reached. */
    public record IntroduceAllInput(Boolean includeReached) {
    }

    /** What "introduce every family" did: what it queued, and what it sent before answering. */
    public record IntroduceAllResult(@JsonUnwrapped OnboardingService.Queued queued, CampaignService.Run sentNow) {
    }

    /** A member as GET /v1/members/{id} shows it: the record, and each family contact's introduction. */
    public record MemberView(@JsonUnwrapped Member member, List<FamilyIntroduction> introductions) {
    }

    /** A notice with its progress and its public page, flat: {@code {"id", "title", …, "progress", "pageUrl"}}. */
    public record NoticeJson(@JsonUnwrapped Notice notice, NoticeDrafts.Progress progress, String pageUrl) {
        static NoticeJson of(NoticeDrafts.NoticeView v) {
            return new NoticeJson(v.notice(), v.progress(), v.pageUrl());
        }
    }

    static MemberView member(Services services, Member m) {
        return new MemberView(m, services.onboarding().introductionsOf(m.id()));
    }

    static void register(Router.Builder r, Services services) {
        var onboarding = services.onboarding();
        var notices = services.notices();
        var applications = services.applications();
        var campaigns = services.campaigns();
        PersonalReads reads = new PersonalReads(services.audit());

        // ---- family introductions: literal path before /v1/members/{id}
        r.post("/v1/members/introductions", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            IntroduceAllInput in = req.bodyOrEmpty(IntroduceAllInput.class);
            OnboardingService.Queued queued = onboarding.introduceAll(Boolean.TRUE.equals(in.includeReached()), a);
            // a few seconds' worth now; the periodic sender sends the rest within the minute
            return ApiResponse.json(202, new IntroduceAllResult(queued, campaigns.runForRequest()));
        });
        r.post("/v1/members/{id}/introductions", req -> {
            Caller c = req.requireAny(OPERATE);
            IntroduceInput in = req.bodyOrEmpty(IntroduceInput.class);
            boolean rotate = Boolean.TRUE.equals(in.rotateLink());
            if (rotate) c.requireAny(Role.ADMIN);
            return ok(new Page<>(onboarding.introduce(req.pathParameter("id"), rotate, actor(c)), null));
        });

        // ---- notices
        r.post("/v1/notices", req -> created(NoticeJson.of(notices.create(body(req, OPERATE, NoticeInput.class),
                actor(req)))));
        r.get("/v1/notices", req -> ok(read(req, () -> notices.list(req.page()).map(NoticeJson::of))));
        r.post("/v1/notices/preview", req -> ok(notices.preview(body(req, OPERATE, NoticeInput.class))));
        r.get("/v1/notices/{id}", req -> {
            NoticeJson n = read(req, () -> NoticeJson.of(notices.get(req.pathParameter("id"))));
            return ok(n).withVersion(n.notice().version());
        });
        r.put("/v1/notices/{id}", req -> {
            NoticeJson n = NoticeJson.of(notices.update(req.pathParameter("id"), body(req, OPERATE, NoticeInput.class),
                    actor(req), req.basedOn()));
            return ok(n).withVersion(n.notice().version());
        });
        r.post("/v1/notices/{id}/send", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            String id = req.pathParameter("id");
            notices.sendNow(id, a);
            campaigns.runForRequest(id);
            return ok(NoticeJson.of(notices.get(id)));
        });
        r.post("/v1/notices/{id}/cancel", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return ok(NoticeJson.of(notices.cancel(req.pathParameter("id"), a)));
        });
        r.get("/v1/notices/{id}/deliveries", req -> ok(new Page<>(reads.list(req, "delivery", req.pathParameter("id"),
                read(req, () -> notices.deliveries(req.pathParameter("id"))), NoticeDelivery::phone), null)));
        r.get("/v1/notices/{id}/replies", req -> ok(new Page<>(reads.list(req, "notice-reply", req.pathParameter("id"),
                read(req, () -> notices.replies(req.pathParameter("id"))), NoticeReply::id), null)));
        // public: the link in a long notice's SMS; a notice is shown only once it was sent out
        r.get("/v1/notices/{id}/page", req -> noticePage(req, notices));

        // ---- assistance applications
        r.post("/v1/applications", req -> created(applications.create(body(req, OPERATE, ApplicationInput.class),
                actor(req))));
        r.get("/v1/applications", req -> ok(reads.page(req, "application", read(req, () -> applications.list(
                req.query("status").orElse(null), req.query("memberId").orElse(null), req.page())),
                AssistanceApplication::id)));
        r.get("/v1/applications/{id}", req -> {
            AssistanceApplication a = read(req, () -> applications.get(req.pathParameter("id")));
            return ok(reads.one(req, "application", a.id(), a.memberName(), a)).withVersion(a.version());
        });
        r.put("/v1/applications/{id}", req -> {
            AssistanceApplication a = applications.update(req.pathParameter("id"),
                    body(req, OPERATE, ApplicationInput.class), actor(req), req.basedOn());
            return ok(a).withVersion(a.version());
        });
        r.post("/v1/applications/{id}/review", req -> step(req, (id, in, a) -> applications.review(id, in, a)));
        r.post("/v1/applications/{id}/approve", req -> step(req, (id, in, a) -> applications.approve(id, in, a)));
        r.post("/v1/applications/{id}/reject", req -> step(req, (id, in, a) -> applications.reject(id, in, a)));
        r.post("/v1/applications/{id}/pay", req -> step(req, (id, in, a) -> applications.pay(id, in, a)));
        r.get("/v1/reports/applications", req -> ok(read(req, () -> applications.report(req.from(), req.to()))));
    }

    private interface Step {
        Object take(String id, StepInput in, Actor actor);
    }

    private static ApiResponse step(ApiRequest req, Step step) {
        Actor a = actor(req.requireAny(OPERATE));
        return ok(step.take(req.pathParameter("id"), req.bodyOrEmpty(StepInput.class), a));
    }

    /** The notice for anyone holding its link: a phone page, in the reader's language (Accept-Language). */
    private static ApiResponse noticePage(ApiRequest req, NoticeDrafts notices) {
        Notice n = notices.published(req.pathParameter("id"));
        String accept = req.header("Accept-Language").orElse("").toLowerCase(Locale.ROOT);
        Language lang = accept.startsWith("en") ? Language.EN : Language.ZH_CN;
        return NOTICE_PAGE.response(200, lang, Map.of("title", n.title(), "text", n.text(),
                        "sentAt", PAGE_TIME.format(n.sendStartedAt() != null ? n.sendStartedAt() : n.createdAt())))
                .withHeader("Cache-Control", "no-cache")
                .withHeader("X-Robots-Tag", "noindex");
    }
}
