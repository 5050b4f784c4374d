package huzhu.core.incident;

import static huzhu.core.testing.Fixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import huzhu.core.directory.Area;
import huzhu.core.directory.GeoPoint;
import huzhu.core.directory.Volunteer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CONTRACT §4: who "nearby" is. */
class NearbyVolunteersTest {
    private static final Area HOME = new Area("杭州", "西湖区");
    private static final GeoPoint HOME_POINT = new GeoPoint(30.2741, 120.1551);

    private static List<String> choose(List<Volunteer> inCity, int max) {
        return ids(NearbyVolunteers.choose(HOME, HOME_POINT, inCity, Map.of(), Set.of(), max));
    }

    private static List<String> ids(List<Volunteer> volunteers) {
        return volunteers.stream().map(Volunteer::id).toList();
    }

    @Test
    void sameDistrict_comesFirst_byDistance_nearestFirst() {
        // given: ~0.1 km, ~1 km and ~5 km from home, listed far to near
        Volunteer far = volunteer("v-far").at(30.3191, 120.1551).build();
        Volunteer mid = volunteer("v-mid").at(30.2831, 120.1551).build();
        Volunteer near = volunteer("v-near").at(30.2750, 120.1551).build();

        // when / then
        assertThat(choose(List.of(far, mid, near), 5)).containsExactly("v-near", "v-mid", "v-far");
    }

    @Test
    void volunteersWithoutALocation_comeAfterThoseWithOne_inIdOrder() {
        // given
        Volunteer unknownB = volunteer("v-b").build();
        Volunteer unknownA = volunteer("v-a").build();
        Volunteer far = volunteer("v-z-far").at(30.40, 120.30).build();

        // when / then
        assertThat(choose(List.of(unknownB, far, unknownA), 5)).containsExactly("v-z-far", "v-a", "v-b");
    }

    @Test
    void withoutAHomeLocation_everyoneInTheDistrictIsEquallyNear_andIdDecides() {
        // given
        List<Volunteer> inCity = List.of(volunteer("v-2").at(30.40, 120.30).build(), volunteer("v-1").build());

        // when
        List<Volunteer> chosen = NearbyVolunteers.choose(HOME, null, inCity, Map.of(), Set.of(), 5);

        // then
        assertThat(ids(chosen)).containsExactly("v-1", "v-2");
    }

    @Test
    void theDistrict_beatsACloserVolunteerAcrossTheDistrictLine() {
        // given: the neighbour across the line is closer than either district volunteer
        Volunteer acrossTheLine = volunteer("v-other").area("杭州", "拱墅区").at(30.2742, 120.1551).build();
        Volunteer d1 = volunteer("v-d1").at(30.30, 120.16).build();
        Volunteer d2 = volunteer("v-d2").at(30.31, 120.16).build();

        // when / then
        assertThat(choose(List.of(acrossTheLine, d1, d2), 5)).containsExactly("v-d1", "v-d2");
    }

    @Test
    void offDutyVolunteers_otherCities_andVolunteersWithoutAnArea_areSkipped() {
        // given
        Volunteer offDuty = volunteer("v-off").onDuty(false).build();
        Volunteer otherCity = volunteer("v-sh").area("上海", "西湖区").build();
        Volunteer noArea = new Volunteer("v-noarea", "No Area", "+8613800000077", null, null, List.of(), true, 1,
                null, null, null);
        Volunteer onDuty = volunteer("v-on").build();

        // when / then
        assertThat(choose(List.of(offDuty, otherCity, noArea, onDuty), 5)).containsExactly("v-on");
    }

    @Test
    void volunteersAtTheirMaxActive_areSkipped_andThoseBelowItAreNot() {
        // given
        Volunteer busy = volunteer("v-busy").build(); // maxActive 1, has 1
        Volunteer roomy = volunteer("v-roomy").maxActive(2).build(); // maxActive 2, has 1
        Volunteer free = volunteer("v-free").build();

        // when
        List<Volunteer> chosen = NearbyVolunteers.choose(HOME, HOME_POINT, List.of(busy, roomy, free),
                Map.of("v-busy", 1, "v-roomy", 1), Set.of(), 5);

        // then
        assertThat(ids(chosen)).containsExactlyInAnyOrder("v-roomy", "v-free");
    }

    @Test
    void excludedVolunteers_areSkipped() {
        // given
        List<Volunteer> inCity = List.of(volunteer("v-1").build(), volunteer("v-2").build(), volunteer("v-3").build());

        // when
        List<Volunteer> chosen = NearbyVolunteers.choose(HOME, HOME_POINT, inCity, Map.of(), Set.of("v-1", "v-3"), 5);

        // then
        assertThat(ids(chosen)).containsExactly("v-2");
    }

    @Test
    void oneInTheDistrict_isToppedUpWithTheNearestOneFromTheRestOfTheCity() {
        // given
        Volunteer inDistrict = volunteer("v-d").build();
        Volunteer cityNear = volunteer("v-c-near").area("杭州", "拱墅区").at(30.30, 120.16).build();
        Volunteer cityFar = volunteer("v-c-far").area("杭州", "萧山区").at(30.16, 120.27).build();
        Volunteer cityUnknown = volunteer("v-c-unknown").area("杭州", "滨江区").build();

        // when / then: two people in all, no more
        assertThat(choose(List.of(cityFar, cityUnknown, inDistrict, cityNear), 5))
                .containsExactly("v-d", "v-c-near");
    }

    @Test
    void nobodyInTheDistrict_givesTheTwoNearestOfTheCity() {
        // given
        Volunteer a = volunteer("v-a").area("杭州", "拱墅区").at(30.30, 120.16).build();
        Volunteer b = volunteer("v-b").area("杭州", "萧山区").at(30.16, 120.27).build();
        Volunteer c = volunteer("v-c").area("杭州", "滨江区").build();

        // when / then
        assertThat(choose(List.of(c, b, a), 5)).containsExactly("v-a", "v-b");
    }

    @Test
    void twoOrMoreInTheDistrict_areNotToppedUpFromTheCity() {
        // given
        Volunteer d1 = volunteer("v-d1").build();
        Volunteer d2 = volunteer("v-d2").build();
        Volunteer city = volunteer("v-city").area("杭州", "拱墅区").at(30.2742, 120.1551).build();

        // when / then
        assertThat(choose(List.of(city, d1, d2), 5)).containsExactly("v-d1", "v-d2");
    }

    @Test
    void aDistrictWithTheSameNameInAnotherCity_isNotTheSameDistrict() {
        // given
        Volunteer sameNameElsewhere = volunteer("v-x").area("上海", "西湖区").build();
        Volunteer city = volunteer("v-city").area("杭州", "拱墅区").build();

        // when / then
        assertThat(choose(List.of(sameNameElsewhere, city), 5)).containsExactly("v-city");
    }

    @Test
    void max_capsTheDistrict_andTheTopUp() {
        // given
        List<Volunteer> district = List.of(volunteer("v-1").build(), volunteer("v-2").build(),
                volunteer("v-3").build(), volunteer("v-4").build());
        List<Volunteer> cityOnly = List.of(volunteer("v-c1").area("杭州", "拱墅区").build(),
                volunteer("v-c2").area("杭州", "拱墅区").build());

        // when / then
        assertThat(choose(district, 3)).containsExactly("v-1", "v-2", "v-3");
        assertThat(choose(cityOnly, 1)).containsExactly("v-c1");
        assertThat(choose(district, 0)).isEmpty();
        assertThat(choose(district, -1)).isEmpty();
    }

    @Test
    void aHomeWithoutACity_findsNobody() {
        // given
        List<Volunteer> inCity = List.of(volunteer("v-1").build());

        // when / then
        assertThat(NearbyVolunteers.choose(null, HOME_POINT, inCity, Map.of(), Set.of(), 5)).isEmpty();
        assertThat(NearbyVolunteers.choose(new Area(null, "西湖区"), HOME_POINT, inCity, Map.of(), Set.of(), 5))
                .isEmpty();
    }

    @Test
    void aHomeWithoutADistrict_fillsUpToTwoFromTheCity() {
        // given
        List<Volunteer> inCity = List.of(volunteer("v-1").build(), volunteer("v-2").build(), volunteer("v-3").build());

        // when
        List<Volunteer> chosen = NearbyVolunteers.choose(new Area("杭州", null), null, inCity, Map.of(), Set.of(), 5);

        // then
        assertThat(ids(chosen)).containsExactly("v-1", "v-2");
    }
}
