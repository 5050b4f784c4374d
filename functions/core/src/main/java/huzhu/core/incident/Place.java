package huzhu.core.incident;

import huzhu.core.directory.GeoPoint;

/** Where an incident happens. Any part may be missing. */
public record Place(String address, Double lat, Double lon) {
    public GeoPoint point() {
        return lat != null && lon != null ? new GeoPoint(lat, lon) : null;
    }
}
