package huzhu.core.care;

import static huzhu.core.testing.Fixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.Services;
import huzhu.core.care.CareRoundService.AudienceInput;
import huzhu.core.care.CareRoundService.Progress;
import huzhu.core.care.CareRoundService.RoundInput;
import huzhu.core.care.CareRoundService.RoundView;
import huzhu.core.care.FollowUpService.FollowUpInput;
import huzhu.core.error.DependencyFailure;
import huzhu.core.error.Invalid;
import huzhu.core.incident.EscalationTimer;
import huzhu.core.incident.LeaderAnnouncements;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.PageRequest;
import huzhu.core.testing.CareWorld;
import huzhu.core.testing.Fixtures;
import huzhu.core.testing.Intercepted;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Care rounds: follow-ups for a chosen audience, created at once, and how far the round has got. */
class CareRoundServiceTest {
    private static final Actor ZHOU = new Actor("sub-1", "周干事");

    private final CareWorld world = new CareWorld();
    private final CareRoundService rounds = world.services.careRounds();

    @BeforeEach
    void threeMembersInTwoUnits() {
        world.add(Fixtures.member("m-1").name("王建国").phone(phone(1)).unit("机修车间").build());
        world.add(Fixtures.member("m-2").name("李娜").phone(phone(2)).unit("机修车间").build());
        world.add(Fixtures.member("m-3").name("赵六").phone(phone(3)).unit("运输部").build());
    }

    @Test
    void theSummerSafetyCheckOfAUnit_createsOneFollowUpPerMember_withTheRoundsTaskOwnerAndDueDate() {
        // when
        RoundView round = rounds.create(new RoundInput("夏季安全检查", "safety-check",
                new AudienceInput("unit", "机修车间", null), "2026-07-15", "周干事", "查看燃气、电线和防暑用品"), ZHOU);

        // then
        assertThat(round.progress()).isEqualTo(new Progress(2, 2, 0));
        assertThat(round.followUps()).extracting(FollowUp::memberId).containsExactlyInAnyOrder("m-1", "m-2");
        assertThat(round.followUps()).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(FollowUpKind.SAFETY_CHECK);
            assertThat(f.task()).isEqualTo("夏季安全检查");
            assertThat(f.owner()).isEqualTo("周干事");
            assertThat(f.dueDate()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(f.roundId()).isEqualTo(round.round().id());
            assertThat(f.incidentId()).isNull();
            assertThat(f.status()).isEqualTo(FollowUpStatus.PLANNED);
        });
        // no SMS: a round is the officers' plan, the visit itself is made in person
        assertThat(world.messenger.attempts()).isEmpty();
    }

    @Test
    void visitsToChosenMembers_showTheirProgress_asEachIsMarkedDone() {
        // given sick members and a family in hardship, chosen one by one
        RoundView round = rounds.create(new RoundInput("春节走访慰问", "visit",
                new AudienceInput("members", null, List.of("m-1", "m-3")), "2026-02-10", "陈主席", null), ZHOU);
        FollowUp first = round.followUps().get(0);

        // when
        world.services.followUps().update(first.id(), new FollowUpInput("visit", "2026-02-10", "2026-02-08",
                List.of("陈主席", "周干事"), "带去慰问金和米面油", null, "done"), ZHOU);

        // then
        RoundView now = rounds.get(round.round().id());
        assertThat(now.progress()).isEqualTo(new Progress(2, 2, 1));
        FollowUp done = now.followUps().stream().filter(f -> f.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(done.roundId()).isEqualTo(round.round().id());
        assertThat(done.task()).isEqualTo("春节走访慰问");
        assertThat(done.owner()).isEqualTo("陈主席");
        assertThat(rounds.list(PageRequest.first(10)).items()).singleElement()
                .satisfies(v -> assertThat(v.progress().done()).isEqualTo(1));
    }

    @Test
    void everyMember_isTheWholeUnion() {
        // when
        RoundView round = rounds.create(new RoundInput("夏季安全检查", "safety-check",
                new AudienceInput("all-members", null, null), "2026-07-15", null, null), ZHOU);

        // then
        assertThat(round.progress().planned()).isEqualTo(3);
    }

    @Test
    void fillingARoundAgain_createsNothingTwice() {
        // given
        RoundView round = rounds.create(new RoundInput("夏季安全检查", "safety-check",
                new AudienceInput("all-members", null, null), "2026-07-15", null, null), ZHOU);

        // when
        RoundView again = rounds.fill(round.round().id(), ZHOU);

        // then
        assertThat(again.followUps()).hasSize(3);
    }

    @Test
    void anOfficerCreatingTheSameRoundThrice_withOneIdempotencyKey_createsItOnce_andGetsTheFirstRoundEachTime() {
        // given the console's three clicks over a slow network, each carrying the form's key
        RoundInput summer = new RoundInput("夏季安全检查", "safety-check", new AudienceInput("unit", "机修车间", null),
                "2026-07-15", "周干事", null);

        // when
        RoundView first = rounds.create(summer, ZHOU, "form-key-1");
        RoundView second = rounds.create(summer, ZHOU, "form-key-1");
        RoundView third = rounds.create(summer, ZHOU, "form-key-1");

        // then
        assertThat(List.of(second.round(), third.round())).containsOnly(first.round());
        assertThat(third.progress()).isEqualTo(new Progress(2, 2, 0));
        assertThat(rounds.list(PageRequest.first(10)).items()).singleElement()
                .satisfies(v -> assertThat(v.round().id()).isEqualTo(first.round().id()));
        assertThat(world.store.followUps().forRound(first.round().id())).hasSize(2);
        assertThat(world.store.audit().list(null, null, PageRequest.first(20)).items()).hasSize(1);
    }

    @Test
    void theSameKeyAfterADay_orNoKey_orAnotherKey_isANewRound() {
        // given
        RoundInput visit = new RoundInput("春节走访慰问", "visit", new AudienceInput("members", null, List.of("m-1")),
                "2026-02-10", null, null);
        RoundView first = rounds.create(visit, ZHOU, "form-key-1");

        // when
        RoundView otherKey = rounds.create(visit, ZHOU, "form-key-2");
        RoundView noKey = rounds.create(visit, ZHOU, null);
        world.clock.advance(Duration.ofHours(24).plusSeconds(1));
        RoundView nextDay = rounds.create(visit, ZHOU, "form-key-1");

        // then
        assertThat(List.of(otherKey, noKey, nextDay)).extracting(v -> v.round().id()).doesNotHaveDuplicates()
                .doesNotContain(first.round().id());
        assertThat(rounds.list(PageRequest.first(10)).items()).hasSize(4);
    }

    @Test
    void aRepeatAfterTheFirstFailedToStoreTheRound_createsItOnce_underTheIdTheFirstReserved() {
        // given the store fails the first time the round is written
        AtomicBoolean failedOnce = new AtomicBoolean();
        CareRoundService flaky = hooked((method, args, real) -> {
            if (method.getName().equals("insert") && args[0] instanceof CareRound && failedOnce.compareAndSet(false, true)) {
                throw new DependencyFailure("table unavailable", null);
            }
            return real.run();
        });
        RoundInput summer = new RoundInput("夏季安全检查", "safety-check", new AudienceInput("all-members", null, null),
                "2026-07-15", null, null);
        assertThatThrownBy(() -> flaky.create(summer, ZHOU, "form-key-1")).hasMessage("table unavailable");

        // when the console tries again with the same key
        RoundView again = flaky.create(summer, ZHOU, "form-key-1");

        // then
        assertThat(again.progress()).isEqualTo(new Progress(3, 3, 0));
        assertThat(rounds.list(PageRequest.first(10)).items()).singleElement()
                .satisfies(v -> assertThat(v.round().id()).isEqualTo(again.round().id()));
    }

    @Test
    void aDoubleClickWhoseSecondRequestStoresTheRoundFirst_givesBothTheSameRound_andNoError() {
        // given the second click's request overtakes the first one just before the first stores the round
        RoundInput summer = new RoundInput("夏季安全检查", "safety-check", new AudienceInput("unit", "机修车间", null),
                "2026-07-15", null, null);
        AtomicBoolean overtaken = new AtomicBoolean();
        AtomicReference<RoundView> overtaking = new AtomicReference<>();
        AtomicReference<CareRoundService> service = new AtomicReference<>();
        service.set(hooked((method, args, real) -> {
            if (method.getName().equals("insert") && args[0] instanceof CareRound && overtaken.compareAndSet(false, true)) {
                overtaking.set(service.get().create(summer, ZHOU, "form-key-1"));
            }
            return real.run();
        }));

        // when
        RoundView first = service.get().create(summer, ZHOU, "form-key-1");

        // then
        assertThat(first.round()).isEqualTo(overtaking.get().round());
        assertThat(first.progress()).isEqualTo(new Progress(2, 2, 0));
        assertThat(rounds.list(PageRequest.first(10)).items()).hasSize(1);
        assertThat(world.store.audit().list(null, null, PageRequest.first(20)).items()).hasSize(1);
    }

    @Test
    void anIdempotencyKeyLongerThan300Characters_isRefused_andCreatesNothing() {
        assertThatThrownBy(() -> rounds.create(new RoundInput("走访", "visit", new AudienceInput("all-members", null,
                null), "2026-07-15", null, null), ZHOU, "k".repeat(301)))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields()).containsKey("Idempotency-Key"));
        assertThat(rounds.list(PageRequest.first(10)).items()).isEmpty();
    }

    /** The world's rounds, over a store whose calls pass through {@code hook} first. */
    private CareRoundService hooked(Intercepted.Hook hook) {
        return Services.create(Intercepted.store(world.store, hook), world.messenger, LeaderAnnouncements.NONE,
                world.group, EscalationTimer.NONE, world.clock, world.ids, CareWorld.CONFIG,
                new Services.Care(world.care, world.topic, world.sleeper)).careRounds();
    }

    @Test
    void aRoundWithoutItsTitleDateOrAudience_orForNobody_isRefused_andCreatesNothing() {
        assertThatThrownBy(() -> rounds.create(new RoundInput(" ", "visit", null, "不是日期", null, null), ZHOU))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsKeys("title", "dueDate", "audience.kind"));
        assertThatThrownBy(() -> rounds.create(new RoundInput("走访", "visit", new AudienceInput("unit", "没有这个车间",
                null), "2026-07-15", null, null), ZHOU)).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> rounds.create(new RoundInput("走访", "visit", new AudienceInput("members", null,
                List.of("m-404")), "2026-07-15", null, null), ZHOU)).isInstanceOf(Invalid.class);
        assertThat(rounds.list(PageRequest.first(10)).items()).isEmpty();
    }
}
