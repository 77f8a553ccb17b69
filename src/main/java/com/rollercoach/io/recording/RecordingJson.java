package com.rollercoach.io.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rollercoach.core.protocol.DeviceInfo;
import com.rollercoach.core.sample.SessionMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON payloads of HEADER, DEVICE and END records. Field names are part of the file format
 * ({@code docs/recording-format.md}); unknown fields are ignored so later versions can add some. NaN
 * numbers (unknown ranges) are left out rather than written as the non-standard {@code NaN} token.
 */
final class RecordingJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordingJson() {}

  static byte[] header(RecordingHeader h) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("format_version", RecordingFormat.VERSION);
    n.put("started_at", h.startedAt().toString());
    n.put("source", h.source());
    n.put("wire_format", h.wireFormat());
    h.device().ifPresent(d -> n.set("device", device(d)));
    ObjectNode meta = n.putObject("metadata");
    h.metadata().values().forEach(meta::put);
    return bytes(n);
  }

  static RecordingHeader header(byte[] payload) throws BadJson {
    JsonNode n = parse(payload);
    Instant startedAt;
    try {
      startedAt = Instant.parse(text(n, "started_at"));
    } catch (DateTimeParseException e) {
      throw new BadJson("started_at is not an ISO-8601 instant");
    }
    Optional<DeviceInfo> device =
        n.hasNonNull("device") ? Optional.of(device(n.get("device"))) : Optional.empty();
    return new RecordingHeader(
        startedAt,
        text(n, "source"),
        text(n, "wire_format"),
        device,
        new SessionMetadata(strings(n.get("metadata"))));
  }

  static byte[] deviceBytes(DeviceInfo d) {
    return bytes(device(d));
  }

  static DeviceInfo device(byte[] payload) throws BadJson {
    return device(parse(payload));
  }

  static byte[] summary(Map<String, String> summary) {
    ObjectNode n = MAPPER.createObjectNode();
    summary.forEach(n::put);
    return bytes(n);
  }

  static Map<String, String> summary(byte[] payload) throws BadJson {
    return strings(parse(payload));
  }

  private static ObjectNode device(DeviceInfo d) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("protocol_version", d.protocolVersion());
    n.put("device_id", d.deviceId());
    n.put("firmware_version", d.firmwareVersion());
    n.put("sensor_model", d.sensorModel());
    putFinite(n, "accel_range_g", d.accelRangeG());
    putFinite(n, "gyro_range_dps", d.gyroRangeDps());
    putFinite(n, "sample_rate_hz", d.sampleRateHz());
    return n;
  }

  private static DeviceInfo device(JsonNode n) throws BadJson {
    if (n == null || !n.isObject()) throw new BadJson("device is not an object");
    return new DeviceInfo(
        n.path("protocol_version").asInt(0),
        n.path("device_id").asText(""),
        n.path("firmware_version").asText(""),
        n.path("sensor_model").asText(""),
        n.path("accel_range_g").asDouble(Double.NaN),
        n.path("gyro_range_dps").asDouble(Double.NaN),
        n.path("sample_rate_hz").asDouble(Double.NaN));
  }

  private static void putFinite(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, v);
  }

  private static Map<String, String> strings(JsonNode n) throws BadJson {
    Map<String, String> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) return out;
    if (!n.isObject()) throw new BadJson("expected an object of strings");
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
    }
    return out;
  }

  private static String text(JsonNode n, String key) throws BadJson {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) throw new BadJson("missing text field " + key);
    return v.asText();
  }

  private static JsonNode parse(byte[] payload) throws BadJson {
    try {
      JsonNode n = MAPPER.readTree(payload);
      if (n == null || !n.isObject()) throw new BadJson("payload is not a JSON object");
      return n;
    } catch (BadJson e) {
      throw e;
    } catch (java.io.IOException e) {
      throw new BadJson("payload is not valid JSON");
    }
  }

  private static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
    }
  }

  /** A record's JSON does not have the documented shape; the reader adds file and offset. */
  static final class BadJson extends Exception {
    BadJson(String message) {
      super(message, null, false, false);
    }
  }
}
