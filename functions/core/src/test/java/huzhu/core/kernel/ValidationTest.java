package huzhu.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import huzhu.core.error.Invalid;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's lists checked item by item, each problem named by the item's place. */
class ValidationTest {

    record Pair(String name, String phone) {
    }

    @Test
    void texts_cleanEachItem_andLeaveBlankOnesOut_whenNotRequired() {
        // given
        Validation v = new Validation();

        // when
        List<String> steps = v.texts("steps", Arrays.asList(" 第一步 ", null, "  ", "second"), 10, 20, false);

        // then
        assertThat(steps).containsExactly("第一步", "second");
        v.throwIfAny();
    }

    @Test
    void texts_nameTheItemsThatAreBlankOrTooLong_whenRequired() {
        // given
        Validation v = new Validation();

        // when
        List<String> names = v.texts("visitors", Arrays.asList("张三", null, "abcdef"), 10, 5, true);

        // then
        assertThat(names).containsExactly("张三", "abcdef");
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                .containsExactly(Map.entry("visitors[1]", "invalid.required"),
                        Map.entry("visitors[2]", "invalid.tooLong")));
    }

    @Test
    void list_overItsMaximum_isOutOfRange_andStillChecksTheFirstItems() {
        // given
        Validation v = new Validation();

        // when
        List<String> skills = v.texts("skills", List.of("a", "", "c"), 2, 30, true);

        // then
        assertThat(skills).containsExactly("a");
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                .containsOnlyKeys("skills", "skills[1]").containsEntry("skills", "invalid.range"));
    }

    @Test
    void list_ofNothing_isEmpty_andNullIsNothing() {
        // given
        Validation v = new Validation();

        // when
        List<String> none = v.list("documents", List.<String>of(), 5, (at, d) -> d);

        // then
        assertThat(none).isEmpty();
        assertThat(v.texts("steps", null, 5, 20, true)).isEmpty();
        v.throwIfAny();
    }

    @Test
    void entries_missingOne_isRequired_andTheOthersAreCheckedUnderTheirOwnNames() {
        // given
        Validation v = new Validation();

        // when
        List<Pair> pairs = v.entries("familyContacts", Arrays.asList(new Pair("妈妈", "13800138000"), null,
                new Pair("", "x")), 10, (at, p) -> new Pair(v.text(at + ".name", p.name(), 50, true),
                        v.phone(at + ".phone", p.phone(), true)));

        // then
        assertThat(pairs).containsExactly(new Pair("妈妈", "+8613800138000"), new Pair(null, null));
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                .containsExactly(Map.entry("familyContacts[1]", "invalid.required"),
                        Map.entry("familyContacts[2].name", "invalid.required"),
                        Map.entry("familyContacts[2].phone", "invalid.phone")));
    }

    @Test
    void date_isAnIsoDay_andNamesTheFieldWhenItIsNot() {
        // given
        Validation v = new Validation();

        // when
        LocalDate due = v.date("dueDate", " 2026-03-02 ", true);
        LocalDate done = v.date("doneDate", "", false);
        LocalDate from = v.date("from", null, true);
        LocalDate to = v.date("to", "2026-02-30", true);

        // then
        assertThat(due).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(done).isNull();
        assertThat(from).isNull();
        assertThat(to).isNull();
        assertThatThrownBy(v::throwIfAny).isInstanceOfSatisfying(Invalid.class, e -> assertThat(e.fields())
                .containsExactly(Map.entry("from", "invalid.required"), Map.entry("to", "invalid.date")));
    }

    @Test
    void idempotencyKey_isOptional_butNotOverItsLength() {
        // given
        Validation fine = new Validation();
        Validation tooLong = new Validation();

        // when
        fine.idempotencyKey(null, 10);
        fine.idempotencyKey("", 10);
        fine.idempotencyKey("k".repeat(10), 10);
        tooLong.idempotencyKey("k".repeat(11), 10);

        // then
        fine.throwIfAny();
        assertThatThrownBy(tooLong::throwIfAny).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.fields()).containsExactly(Map.entry("Idempotency-Key", "invalid.tooLong")));
    }
}
