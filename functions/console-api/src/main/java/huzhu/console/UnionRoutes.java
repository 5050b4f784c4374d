package huzhu.console;


import static huzhu.console.Routes.OPERATE;
import static huzhu.console.Routes.actor;
import static huzhu.console.Routes.body;
import static huzhu.console.Routes.created;
import static huzhu.console.Routes.ok;
import static huzhu.console.Routes.read;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import huzhu.core.Services;
import huzhu.core.care.AssistanceApplication;
import huzhu.core.care.AssistanceGuide;
import huzhu.core.care.BereavementService;
import huzhu.core.care.BereavementService.BereavementInput;
import huzhu.core.care.CareRound;
import huzhu.core.care.CareRoundService;
import huzhu.core.care.CareRoundService.RoundInput;
import huzhu.core.care.ContactRequest;
import huzhu.core.care.ContactRequestService.DecisionInput;
import huzhu.core.care.FollowUp;
import huzhu.core.care.GuideService.GuideInput;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.http.ApiRequest;
import huzhu.http.Router;
import java.util.List;

/**
 * The console routes of the union's own work beside the emergencies: a death in a member's family and its checklist,
 * care rounds and their progress, the family's requests to change contacts (an officer approves), and the operation
 * guide members read on their own page. Admin and officer write, every role reads, as elsewhere. Kept apart from
 * {@link ConsoleApiHandler}, which registers them with one call.
 */
final class UnionRoutes {
    // the small helpers are Routes': read (any role), body (as these roles), actor, ok, created

    private UnionRoutes() {
    }

    /** A death as recorded: the incident (as the console shows incidents), its checklist and condolence application. */
    public record BereavementView(IncidentView incident, List<FollowUp> checklist, AssistanceApplication application) {
        static BereavementView of(BereavementService.Recorded r) {
            return new BereavementView(IncidentView.of(r.incident()), r.checklist(), r.application());
        }
    }

    /** A round flat, with its progress and (read one by one) its follow-ups. */
    public record RoundJson(@JsonUnwrapped CareRound round, CareRoundService.Progress progress,
            List<FollowUp> followUps) {
        static RoundJson of(CareRoundService.RoundView v) {
            return new RoundJson(v.round(), v.progress(), v.followUps());
        }
    }

    static void register(Router.Builder r, Services services, PersonalReads reads) {
        var bereavements = services.bereavements();
        var rounds = services.careRounds();
        var requests = services.contactRequests();
        var guide = services.guide();

        // ---- a death in a member's family
        r.post("/v1/bereavements", req -> {
            BereavementInput in = body(req, OPERATE, BereavementInput.class);
            Actor a = actor(req);
            return created(BereavementView.of(bereavements.record(in, a, req.callersIdempotencyKey())));
        });

        // ---- care rounds
        r.post("/v1/care-rounds", req -> {
            RoundInput in = body(req, OPERATE, RoundInput.class);
            Actor a = actor(req);
            return created(RoundJson.of(rounds.create(in, a, req.callersIdempotencyKey())));
        });
        r.get("/v1/care-rounds", req -> ok(read(req, () -> rounds.list(req.page()).map(RoundJson::of))));
        r.get("/v1/care-rounds/{id}", req -> {
            RoundJson round = read(req, () -> RoundJson.of(rounds.get(req.pathParameter("id"))));
            // its follow-ups name the members visited and what was found
            reads.list(req, "followup", round.round().id(), round.followUps(), FollowUp::id);
            return ok(round);
        });
        r.post("/v1/care-rounds/{id}/fill", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return ok(RoundJson.of(rounds.fill(req.pathParameter("id"), a)));
        });

        // ---- the family's requests to change contacts
        r.get("/v1/contact-requests", req -> ok(reads.page(req, "contactRequest", read(req,
                () -> requests.list(req.query("status").orElse(null), req.page())), ContactRequest::id)));
        r.get("/v1/contact-requests/{id}", req -> {
            ContactRequest c = read(req, () -> requests.get(req.pathParameter("id")));
            return ok(reads.one(req, "contactRequest", c.id(), c.memberName(), c));
        });
        r.post("/v1/contact-requests/{id}/approve", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return ok(requests.approve(req.pathParameter("id"), req.bodyOrEmpty(DecisionInput.class), a));
        });
        r.post("/v1/contact-requests/{id}/reject", req -> {
            Actor a = actor(req.requireAny(OPERATE));
            return ok(requests.reject(req.pathParameter("id"), req.bodyOrEmpty(DecisionInput.class), a));
        });

        // ---- the operation guide for assistance (《操作指南》)
        r.get("/v1/assistance-guide", req -> {
            AssistanceGuide g = read(req, () -> guide.guide(language(req)));
            return ok(g).withVersion(g.version());
        });
        r.put("/v1/assistance-guide", req -> {
            AssistanceGuide g = guide.save(body(req, OPERATE, GuideInput.class), actor(req), req.basedOn());
            return ok(g).withVersion(g.version());
        });
    }

    /**
     * The default guide, until the union writes its own, in the language of the officer's page (the console's
     * {@code X-Huzhu-Language}), else of the browser: what the officer saves is what members read, so a console in
     * Chinese must not start from English because the browser is set to it.
     */
    private static Language language(ApiRequest req) {
        return req.language().orElseGet(() -> req.header("Accept-Language").orElse("")
                .toLowerCase(java.util.Locale.ROOT).startsWith("en") ? Language.EN : Language.ZH_CN);
    }
}
