package huzhu.core.directory;

import huzhu.core.kernel.Changes;
import java.util.List;

/** Which fields of a directory entry an update changed, for the audit log. */
final class DirectoryChanges {
    private DirectoryChanges() {
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
                .fields();
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
                .fields();
    }

    static List<String> of(Leader a, Leader b) {
        return new Changes()
                .check("name", a.name(), b.name())
                .check("phone", a.phone(), b.phone())
                .check("email", a.email(), b.email())
                .check("title", a.title(), b.title())
                .check("level", a.level(), b.level())
                .check("language", a.language(), b.language())
                .fields();
    }
}
