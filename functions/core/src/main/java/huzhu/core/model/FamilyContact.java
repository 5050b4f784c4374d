package huzhu.core.model;

public record FamilyContact(String name, String relation, String phone) {
}
