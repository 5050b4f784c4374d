package huzhu.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import huzhu.core.error.DomainException;
import huzhu.core.error.Invalid;
import huzhu.core.kernel.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;

/**
 * What {@link ApiRequest} does with Jackson: request bodies read into types, list-valued claims written as JSON
 * arrays. Apart from ApiRequest so that a request which needs neither (the board's poll) loads no Jackson class,
 * not even the exception types a verifier would load for ApiRequest's catch clauses.
 */
final class JsonMapping {
    /** Built on the first body read: a route that reads none builds no reader. */
    private static final class Readers {
        static final ObjectReader BODY_READER = Json.mapper().reader()
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return BODY_READER.forType(type);
            }
        };
    }

    private JsonMapping() {
    }

    static <T> T read(String json, Class<T> type) {
        ObjectReader reader = Readers.READERS.get(type);
        try (JsonParser parser = reader.createParser(json)) {
            T value = reader.readValue(parser);
            // A second document after the first ("{…} {…}") is not JSON, whatever the first one was.
            if (parser.nextToken() != null) throw RequestRejected.malformedJson();
            return value;
        } catch (InvalidDefinitionException bug) {
            // The target type cannot be mapped at all: our fault, not the caller's.
            throw new IllegalStateException(bug.getOriginalMessage(), bug);
        } catch (JacksonException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuntimeException translate(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException domain) return domain;
            if (t instanceof StreamReadException && !(t instanceof InputCoercionException)) {
                return RequestRejected.malformedJson();
            }
        }
        if (!(e instanceof JsonMappingException mapping)) return RequestRejected.malformedJson();
        String field = fieldPath(mapping.getPath());
        if (mapping instanceof UnrecognizedPropertyException) return Invalid.of(field, "invalid.unknownField");
        if (mapping instanceof MismatchedInputException mismatch) {
            return Invalid.of(field, keyFor(mismatch.getTargetType()));
        }
        if (mapping.getCause() instanceof InputCoercionException) return Invalid.of(field, "invalid.range");
        return Invalid.of(field, "invalid.type");
    }

    /** {@code homeArea.city}, {@code familyContacts[0].phone}; {@code body} for the document itself. */
    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String keyFor(Class<?> target) {
        if (target == null) return "invalid.type";
        if (target == Language.class) return "invalid.language";
        if (target.isEnum()) return "invalid.choice";
        if (target == LocalDate.class) return "invalid.date";
        if (Temporal.class.isAssignableFrom(target)) return "invalid.time";
        if (Number.class.isAssignableFrom(target)
                || (target.isPrimitive() && target != boolean.class && target != char.class)) {
            return "invalid.number";
        }
        return "invalid.type";
    }

    static String jsonArray(Collection<?> list) {
        return Json.write(list);
    }
}
