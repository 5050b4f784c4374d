package huzhu.core.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.care.GuideService.GuideInput;
import huzhu.core.care.GuideService.KindInput;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Actor;
import huzhu.core.kernel.Language;
import huzhu.core.testing.CareWorld;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operation guide: a sensible default in Chinese until officers write the union's own. */
class GuideServiceTest {
    private static final Actor ZHOU = new Actor("sub-1", "周干事");

    private final CareWorld world = new CareWorld();
    private final GuideService guide = world.services.guide();

    @Test
    void untilOfficersWriteOne_theDefaultGuide_namesEachKindItsDocumentsAndTheSteps() {
        // when
        AssistanceGuide zh = guide.guide(Language.ZH_CN);
        AssistanceGuide en = guide.guide(Language.EN);

        // then
        assertThat(zh.kinds()).extracting(AssistanceGuide.Kind::kind)
                .containsExactly("hardship", "medical", "bereavement", "education", "disaster");
        assertThat(zh.kind(ApplicationKind.MEDICAL).orElseThrow().documents()).contains("诊断证明书");
        assertThat(zh.kind(ApplicationKind.BEREAVEMENT).orElseThrow().standardAmount()).isEqualByComparingTo("500");
        assertThat(zh.steps()).hasSize(5).first().asString().contains("指南");
        assertThat(en.kind(ApplicationKind.MEDICAL).orElseThrow().title()).isEqualTo("Medical assistance");
    }

    @Test
    void theUnionsOwnGuide_replacesTheDefault_inEveryLanguage() {
        // when
        guide.save(new GuideInput(List.of(new KindInput("bereavement", "丧葬慰问", "直系亲属去世",
                List.of("死亡证明复印件"), new BigDecimal("800.00"))), List.of("交材料", "等短信"), "问工作群"), ZHOU);

        // then
        AssistanceGuide saved = guide.guide(Language.EN);
        assertThat(saved.kinds()).singleElement().satisfies(k -> {
            assertThat(k.title()).isEqualTo("丧葬慰问");
            assertThat(k.standardAmount()).isEqualByComparingTo("800");
        });
        assertThat(saved.steps()).containsExactly("交材料", "等短信");
        assertThat(saved.updatedBy()).isEqualTo("周干事");
        assertThat(world.store.audit().list(null, null, huzhu.core.kernel.PageRequest.first(10)).items())
                .anySatisfy(e -> assertThat(e.targetKind()).isEqualTo("guide"));
    }

    @Test
    void aGuideWithAnUnknownOrRepeatedKind_orNoStep_isRefused() {
        assertThatThrownBy(() -> guide.save(new GuideInput(List.of(new KindInput("lottery", "彩票", null, null, null),
                new KindInput("medical", "医疗", null, null, null), new KindInput("medical", "医疗2", null, null, null)),
                List.of(), null), ZHOU))
                .isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                        .containsKeys("kinds[0].kind", "kinds[2].kind", "steps"));
        assertThat(world.store.guides().guide()).isEmpty();
    }
}
