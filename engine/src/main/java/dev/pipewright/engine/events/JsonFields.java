package dev.pipewright.engine.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;

/**
 * Writes one field whose name was encoded once ({@code SerializedString}), for the lines written
 * at every stage call (events, fingerprints): Jackson checks a {@code String} name character by
 * character each time it writes it.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static void field(JsonGenerator json, SerializableString name, String value) throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    public static void field(JsonGenerator json, SerializableString name, SerializableString value)
            throws IOException {
        json.writeFieldName(name);
        json.writeString(value);
    }

    public static void field(JsonGenerator json, SerializableString name, long value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }

    public static void field(JsonGenerator json, SerializableString name, double value) throws IOException {
        json.writeFieldName(name);
        json.writeNumber(value);
    }
}
