package com.rollercoach.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documented examples are valid, and the schema document lists exactly the fields we write. */
class CalibrationExamplesTest {
  static final Path DIR = Path.of("calibration");

  @Test
  void everyExampleReads() throws Exception {
    try (Stream<Path> files = Files.list(DIR.resolve("examples"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        var c = CalibrationFile.read(f);
        // Examples are named after their device, as real calibration files must be.
        assertTrue(
            f.getFileName().toString().equals(CalibrationFile.fileName(c.deviceId()))
                || f.getFileName().toString().equals("hand-entered.json"),
            f.toString());
        assertTrue(c.rollerDiameterCm() > 0);
      }
    }
  }

  @Test
  void schemaRequiresWhatTheWriterWrites() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode schema = m.readTree(DIR.resolve("calibration.schema.json").toFile());
    JsonNode written = m.readTree(CalibrationFile.toJson(CalibrationFileTest.sample()));
    compare(schema, written, "");
  }

  private static void compare(JsonNode schema, JsonNode written, String path) {
    Set<String> required = new TreeSet<>();
    schema.get("required").forEach(n -> required.add(n.asText()));
    Set<String> fields = new TreeSet<>();
    for (Iterator<String> it = written.fieldNames(); it.hasNext(); ) fields.add(it.next());
    assertEquals(required, fields, "required fields of " + (path.isEmpty() ? "the root" : path));
    assertEquals(fields, keys(schema.get("properties")), "properties of " + path);
    for (String f : fields) {
      JsonNode sub = schema.get("properties").get(f);
      if (written.get(f).isObject()) compare(sub, written.get(f), path.isEmpty() ? f : path + "." + f);
    }
  }

  private static Set<String> keys(JsonNode n) {
    Set<String> s = new TreeSet<>();
    n.fieldNames().forEachRemaining(s::add);
    return s;
  }
}
