package huzhu.local.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import huzhu.core.error.DependencyFailure;
import huzhu.http.Json;

/**
 * The stored shape of an entity: the domain record as JSON, in the contract's spellings (ISO-8601 times,
 * wire words for enums). Fields a later version adds are ignored by an older reader, so documents
 * written by a newer build do not break an older one.
 */
final class StoredJson {
    private final ObjectMapper mapper = Json.configure(new ObjectMapper());

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DependencyFailure("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
