package huzhu.core.service;

import huzhu.core.model.FollowUp;
import huzhu.core.model.Leader;
import huzhu.core.model.Member;
import huzhu.core.model.Volunteer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which fields an update changed, by their contract names, for the audit log (the values stay out of it). */
final class Changes {
    private final List<String> fields = new ArrayList<>();

    private Changes() {
    }

    private Changes check(String field, Object before, Object after) {
        if (!Objects.equals(before, after)) fields.add(field);
        return this;
    }

    static List<String> of(Member a, Member b) {
        return new Changes()
                .check("name", a.name(), b.name())
                .check("phone", a.phone(), b.phone())
                .check("unit", a.unit(), b.unit())
                .check("homeArea", a.homeArea(), b.homeArea())
                .check("homeAddress", a.homeAddress(), b.homeAddress())
                .check("location", a.location(), b.location())
                .check("familyContacts", a.familyContacts(), b.familyContacts())
                .check("language", a.language(), b.language())
                .fields;
    }

    static List<String> of(Volunteer a, Volunteer b) {
        return new Changes()
                .check("name", a.name(), b.name())
                .check("phone", a.phone(), b.phone())
                .check("area", a.area(), b.area())
                .check("location", a.location(), b.location())
                .check("skills", a.skills(), b.skills())
                .check("onDuty", a.onDuty(), b.onDuty())
                .check("maxActive", a.maxActive(), b.maxActive())
                .check("language", a.language(), b.language())
                .fields;
    }

    static List<String> of(Leader a, Leader b) {
        return new Changes()
                .check("name", a.name(), b.name())
                .check("phone", a.phone(), b.phone())
                .check("email", a.email(), b.email())
                .check("title", a.title(), b.title())
                .check("level", a.level(), b.level())
                .check("language", a.language(), b.language())
                .fields;
    }

    static List<String> of(FollowUp a, FollowUp b) {
        return new Changes()
                .check("kind", a.kind(), b.kind())
                .check("dueDate", a.dueDate(), b.dueDate())
                .check("doneDate", a.doneDate(), b.doneDate())
                .check("visitors", a.visitors(), b.visitors())
                .check("notes", a.notes(), b.notes())
                .check("amount", a.amount() == null ? null : a.amount().stripTrailingZeros(),
                        b.amount() == null ? null : b.amount().stripTrailingZeros())
                .check("status", a.status(), b.status())
                .fields;
    }
}
