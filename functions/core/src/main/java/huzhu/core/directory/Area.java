package huzhu.core.directory;

/** Where someone lives or serves: a city and, within it, a district. */
public record Area(String city, String district) {
    public boolean sameCity(Area other) {
        return other != null && city != null && city.equals(other.city);
    }

    public boolean sameDistrict(Area other) {
        return sameCity(other) && district != null && district.equals(other.district);
    }
}
