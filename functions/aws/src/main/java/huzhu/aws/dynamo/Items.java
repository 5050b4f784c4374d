package huzhu.aws.dynamo;

import huzhu.core.kernel.Wire;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading and writing attribute maps. A null value is simply left out of the item, so "absent" is the
 * only way an item says null. Times are ISO-8601 strings, enums their contract spelling, nested records
 * maps and lists (readable in the console, no JSON library at cold start).
 */
final class Items {
    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Writer writer() {
        return new Writer();
    }

    static Reader reader(Map<String, AttributeValue> item) {
        return new Reader(item);
    }

    static final class Writer {
        private final Map<String, AttributeValue> item = new LinkedHashMap<>();

        Writer s(String name, String value) {
            if (value != null) item.put(name, AttributeValue.fromS(value));
            return this;
        }

        Writer n(String name, long value) {
            item.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        Writer n(String name, Integer value) {
            if (value != null) n(name, value.longValue());
            return this;
        }

        Writer n(String name, Double value) {
            // toPlainString: DynamoDB numbers take no exponent; valueOf keeps the double's shortest digits
            if (value != null) item.put(name, AttributeValue.fromN(BigDecimal.valueOf(value).toPlainString()));
            return this;
        }

        Writer n(String name, BigDecimal value) {
            if (value != null) item.put(name, AttributeValue.fromN(value.toPlainString()));
            return this;
        }

        Writer bool(String name, boolean value) {
            item.put(name, AttributeValue.fromBool(value));
            return this;
        }

        Writer time(String name, Instant value) {
            return s(name, value == null ? null : value.toString());
        }

        Writer date(String name, LocalDate value) {
            return s(name, value == null ? null : value.toString());
        }

        Writer wire(String name, Wire value) {
            return s(name, value == null ? null : value.wire());
        }

        Writer map(String name, Writer nested) {
            if (nested != null) item.put(name, nested.asMap());
            return this;
        }

        <T> Writer list(String name, List<T> values, Function<T, Writer> each) {
            if (values != null) {
                item.put(name, AttributeValue.fromL(values.stream().map(v -> each.apply(v).asMap()).toList()));
            }
            return this;
        }

        /** A map of texts (e.g. by language); an empty one is left out like a null. */
        Writer texts(String name, Map<String, String> values) {
            if (values != null && !values.isEmpty()) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                values.forEach((k, v) -> m.put(k, AttributeValue.fromS(v)));
                item.put(name, AttributeValue.fromM(m));
            }
            return this;
        }

        Writer strings(String name, List<String> values) {
            if (values != null) {
                item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
            }
            return this;
        }

        AttributeValue asMap() {
            return AttributeValue.fromM(item);
        }

        Map<String, AttributeValue> build() {
            return Collections.unmodifiableMap(item);
        }
    }

    static final class Reader {
        private final Map<String, AttributeValue> item;

        private Reader(Map<String, AttributeValue> item) {
            this.item = item;
        }

        boolean has(String name) {
            return item.containsKey(name);
        }

        String s(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : v.s();
        }

        Integer intOrNull(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : Integer.valueOf(v.n());
        }

        int i(String name) {
            Integer v = intOrNull(name);
            return v == null ? 0 : v;
        }

        long l(String name) {
            AttributeValue v = item.get(name);
            return v == null ? 0 : Long.parseLong(v.n());
        }

        Double d(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : Double.valueOf(v.n());
        }

        BigDecimal decimal(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : new BigDecimal(v.n());
        }

        boolean bool(String name) {
            AttributeValue v = item.get(name);
            return v != null && Boolean.TRUE.equals(v.bool());
        }

        Instant time(String name) {
            String v = s(name);
            return v == null ? null : Instant.parse(v);
        }

        LocalDate date(String name) {
            String v = s(name);
            return v == null ? null : LocalDate.parse(v);
        }

        <E extends Enum<E> & Wire> E wire(Class<E> type, String name) {
            return Wire.parse(type, s(name));
        }

        /** The nested map, or null when the attribute is absent. */
        Reader map(String name) {
            AttributeValue v = item.get(name);
            return v == null ? null : new Reader(v.m());
        }

        <T> T map(String name, Function<Reader, T> read) {
            Reader nested = map(name);
            return nested == null ? null : read.apply(nested);
        }

        <T> List<T> list(String name, Function<Reader, T> each) {
            AttributeValue v = item.get(name);
            if (v == null) return List.of();
            List<T> out = new ArrayList<>(v.l().size());
            for (AttributeValue element : v.l()) out.add(each.apply(new Reader(element.m())));
            return out;
        }

        Map<String, String> texts(String name) {
            AttributeValue v = item.get(name);
            if (v == null) return Map.of();
            Map<String, String> out = new LinkedHashMap<>();
            v.m().forEach((k, text) -> out.put(k, text.s()));
            return out;
        }

        List<String> strings(String name) {
            AttributeValue v = item.get(name);
            return v == null ? List.of() : v.l().stream().map(AttributeValue::s).toList();
        }
    }
}
