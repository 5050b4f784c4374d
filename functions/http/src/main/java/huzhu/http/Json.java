package huzhu.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import huzhu.core.incident.Notify;
import huzhu.core.incident.PolicyLevel;
import huzhu.core.kernel.Wire;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration: ISO-8601 times, contract spellings for enums ({@link Wire#wire()}),
 * and the contract's field names where a Java name had to differ. Built once per process.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text through {@link #mapper()}. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule wire = new SimpleModule("huzhu-wire");
        wire.addSerializer(Wire.class, new JsonSerializer<>() {
            @Override
            public void serialize(Wire value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.wire());
            }
        });
        wire.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                if (!Wire.class.isAssignableFrom(type.getRawClass())) return deserializer;
                return wireDeserializer(type.getRawClass());
            }
        });
        wire.setMixInAnnotation(PolicyLevel.class, PolicyLevelNames.class);
        return mapper
                .registerModule(new JavaTimeModule())
                .registerModule(wire)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonDeserializer<?> wireDeserializer(Class<?> raw) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) raw;
        return new JsonDeserializer<Object>() {
            @Override
            public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                Object value = Wire.parse((Class) enumType, text);
                if (value == null) {
                    return ctxt.handleWeirdStringValue(enumType, text, "not one of the allowed words");
                }
                return value;
            }
        };
    }

    /**
     * Jackson mix-in: the record component {@code audience} is the contract's {@code notify}; fields a
     * level does not use are left out, as in the contract's policy shape.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract static class PolicyLevelNames {
        @JsonProperty("notify")
        abstract Notify audience();
    }
}
