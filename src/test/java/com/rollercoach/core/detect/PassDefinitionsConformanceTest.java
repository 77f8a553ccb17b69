package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every reference trace in the test resources' {@code definitions/passes-*.csv} segmented by {@link PassSegmenter} gives the passes its {@code .json}
 * lists: same count, same spans, same travel.
 *
 * <p>Span tolerance: the traces are rounded to 0.001 cm, which turns the instant of a smooth turning
 * point into a plateau a few samples (≤ 0.1 s at 100 Hz) long; travel is compared to 0.01 cm.
 */
class PassDefinitionsConformanceTest {
  private static final double SPAN_TOLERANCE_S = 0.1;
  private static final double TRAVEL_TOLERANCE_CM = 0.01;

  static Path definitionsDir() {
    try {
      return Path.of(PassDefinitionsConformanceTest.class.getResource("/definitions").toURI());
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("test resources lack definitions/", e);
    }
  }

  static Stream<Path> traces() throws IOException {
    Path dir = definitionsDir();
    List<Path> csvs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(p -> p.getFileName().toString().matches("passes-.*\\.csv"))
          .sorted()
          .forEach(csvs::add);
    }
    return csvs.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traces")
  void segmenterMatchesReference(Path csv) throws IOException {
    Path json = csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".json"));
    JsonNode expected = new ObjectMapper().readTree(json.toFile());
    List<double[]> rows = readTrace(csv);
    double[] t = rows.stream().mapToDouble(r -> r[0]).toArray();
    double[] s = rows.stream().mapToDouble(r -> r[1]).toArray();

    List<Pass> passes = PassSegmenter.segment(t, s);

    String what = expected.path("what").asText();
    assertEquals(expected.get("passes").asInt(), passes.size(), what);
    JsonNode spans = expected.get("pass_spans");
    for (int i = 0; i < passes.size(); i++) {
      Pass p = passes.get(i);
      JsonNode span = spans.get(i);
      String which = what + ", pass " + (i + 1);
      assertEquals(span.get("start_s").asDouble(), p.startS(), SPAN_TOLERANCE_S, which + " start");
      assertEquals(span.get("end_s").asDouble(), p.endS(), SPAN_TOLERANCE_S, which + " end");
      assertEquals(
          span.get("travel_cm").asDouble(), p.travelCm(), TRAVEL_TOLERANCE_CM, which + " travel");
    }
  }

  @org.junit.jupiter.api.Test
  void referenceTracesArePresent() throws IOException {
    assertFalse(traces().findAny().isEmpty(), "no passes-*.csv in " + definitionsDir());
  }

  private static List<double[]> readTrace(Path csv) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("t_s")) continue;
      String[] f = line.split(",");
      rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
    }
    return rows;
  }
}
