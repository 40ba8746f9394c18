package dev.missioncontrol.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/** Instants in records the mapper writes (a verdict's checks) come out as every other time on the wire. */
final class WireTimeSerializer extends StdSerializer<Instant> {
    WireTimeSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
        out.writeString(WireTime.format(value));
    }
}
