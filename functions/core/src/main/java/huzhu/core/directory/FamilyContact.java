package huzhu.core.directory;

public record FamilyContact(String name, String relation, String phone) {
}
