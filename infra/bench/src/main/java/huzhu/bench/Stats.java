package huzhu.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles by the nearest-rank method, over a copy. */
final class Stats {
    private Stats() {
    }

    static double percentile(List<? extends Number> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>();
        for (Number n : values) sorted.add(n.doubleValue());
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double max(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
    }

    static double median(List<? extends Number> values) {
        return percentile(values, 50);
    }
}
