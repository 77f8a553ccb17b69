package com.rollercoach.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.sim.ReferenceStrokeSegmenter.Stroke;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The simulator's reference pass rules against the shared conformance traces of definitions.md. */
class ReferenceStrokeSegmenterTest {
  /** The traces are written with 10 ms steps and 1 µm rounding: turning points tie over a few samples. */
  private static final double TIME_TOLERANCE_S = 0.05;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "just-over-5cm",
        "just-under-5cm",
        "reversal-over-2cm",
        "reversal-under-2cm",
        "simple-6-strokes",
        "slow-long",
        "tiny-rocks",
        "unfinished-last"
      })
  void matchesConformanceTrace(String name) throws IOException {
    ReferenceStrokeSegmenter seg = new ReferenceStrokeSegmenter();
    try (BufferedReader r = resource("passes-" + name + ".csv")) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.startsWith("t_s")) continue;
        String[] f = line.split(",");
        seg.accept(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
      }
    }
    List<Stroke> passes = ReferenceStrokeSegmenter.passes(seg.finish());
    JsonNode expected;
    try (BufferedReader r = resource("passes-" + name + ".json")) {
      expected = new ObjectMapper().readTree(r);
    }
    assertEquals(expected.get("passes").asInt(), passes.size(), name + ": pass count");
    for (int i = 0; i < passes.size(); i++) {
      JsonNode span = expected.get("pass_spans").get(i);
      Stroke p = passes.get(i);
      assertEquals(span.get("start_s").asDouble(), p.startS(), TIME_TOLERANCE_S, name + " #" + i);
      assertEquals(span.get("end_s").asDouble(), p.endS(), TIME_TOLERANCE_S, name + " #" + i);
      assertEquals(span.get("travel_cm").asDouble(), p.travelCm(), 0.005, name + " #" + i);
    }
  }

  @Test
  void rollsPairOppositePasses() {
    Stroke up = new Stroke(0, 1, 0, 10);
    Stroke down = new Stroke(1, 2, 10, 0);
    assertEquals(2, ReferenceStrokeSegmenter.rolls(List.of(up, down, up, down, up)));
    // two ups in a row (a short non-pass stroke between them): the second waits for its partner
    assertEquals(1, ReferenceStrokeSegmenter.rolls(List.of(up, up, down)));
  }

  private static BufferedReader resource(String name) {
    InputStream in = ReferenceStrokeSegmenterTest.class.getResourceAsStream("/definitions/" + name);
    if (in == null) throw new IllegalStateException("missing test resource " + name);
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
