package com.rollercoach.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rollercoach.conformance.IndependentImu.Segment;
import com.rollercoach.core.MotionPipeline;
import com.rollercoach.core.PipelineConfig;
import com.rollercoach.core.detect.AnalysisCollector;
import com.rollercoach.core.detect.Dwell;
import com.rollercoach.core.detect.ExtensionHold;
import com.rollercoach.core.detect.Pass;
import com.rollercoach.core.detect.SessionAnalysis;
import com.rollercoach.core.sample.ImuSample;
import com.rollercoach.core.signal.RollingRadius;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definitions' conformance traces, checked end to end at the IMU level: each position trace is
 * turned into accelerometer and gyro samples by {@link IndependentImu} (random sensor orientation, gyro
 * bias, noise, 25–400 Hz) and must give exactly the reference passes through the whole pipeline, not
 * only through the pass segmenter. Plus one scripted session for dwell, hold, breaths and get-off.
 *
 * <p>It found two faults that real recordings hit too, both fixed in the pipeline: the first stroke's
 * travel was off by up to 1.5 cm because θ only counted once the roll axis was known, and rolling away
 * as the person got off counted as a pass (which also turned the hold into a dwell).
 */
class ImuLevelConformanceTest {
  /** The label's diameter: what the pipeline is told. */
  private static final double ROLLER_DIAMETER_CM = 15;
  /** The diameter it rolls with under a body, flattened (RollingRadius): what the IMU turns by. */
  private static final double LOADED_DIAMETER_CM =
      ROLLER_DIAMETER_CM * (1 - RollingRadius.FOAM_FLATTENING);
  private static final double LEAD_IN_S = 12;
  private static final double T0_S = 5000;

  static Stream<Arguments> traces() {
    // Not here: just-over-5cm and just-under-5cm (5.1 and 4.9 cm strokes). Telling them apart needs
    // the position to 2 %, finer than an uncalibrated IMU's scale (foam compression alone is a few %);
    // the pass segmenter's own conformance test checks that threshold on the exact positions.
    String[] names = {
      "simple-6-strokes", "reversal-over-2cm", "reversal-under-2cm", "slow-long", "tiny-rocks",
      "unfinished-last"
    };
    double[] rates = {25, 100, 400};
    List<Arguments> out = new ArrayList<>();
    for (String name : names) {
      for (int i = 0; i < rates.length; i++) out.add(Arguments.of(name, rates[i], 31L * i + name.length()));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} at {1} Hz, seed {2}")
  @MethodSource("traces")
  void referencePassesSurviveTheImu(String name, double rateHz, long seed) throws IOException {
    DoubleUnaryOperator trace = readTrace("/definitions/passes-" + name + ".csv");
    double traceEnd = traceEndS;
    JsonNode expected = new ObjectMapper().readTree(resource("/definitions/passes-" + name + ".json"));

    IndependentImu imu = new IndependentImu(seed, rateHz, LOADED_DIAMETER_CM);
    List<ImuSample> samples =
        imu.render(
            T0_S,
            List.of(
                new Segment(LEAD_IN_S, true, t -> 0),
                new Segment(traceEnd, true, trace),
                new Segment(3, true, t -> 0)));
    SessionAnalysis got = analyze(samples);

    JsonNode spans = expected.get("pass_spans");
    assertEquals(expected.get("passes").asInt(), got.passes().size(), "pass count: " + got.passes());
    for (int i = 0; i < spans.size(); i++) {
      Pass p = got.passes().get(i);
      JsonNode e = spans.get(i);
      double offset = T0_S + LEAD_IN_S;
      assertEquals(e.get("travel_cm").asDouble(), p.travelCm(), 0.4, "travel of pass " + (i + 1));
      // A trace that starts moving at t=0 has its first turning point blurred by the lead-in's breathing.
      // In tiny-rocks the rocking revisits the stroke's extreme (13.498, 13.500, 13.498 cm): under sensor
      // noise which visit is the turning point is a coin toss, so only its travel is checked.
      if (name.equals("tiny-rocks")) continue;
      if (i > 0) assertEquals(e.get("start_s").asDouble() + offset, p.startS(), 0.3, "start " + (i + 1));
      if (i < spans.size() - 1) assertEquals(e.get("end_s").asDouble() + offset, p.endS(), 0.3, "end " + (i + 1));
    }
  }

  /**
   * Off → on → 8 strokes → 40 s on a tender spot → 6 strokes → 60 s extension hold → rolling away as
   * the person gets off → off. One dwell, one hold with its breaths, 14 passes and nothing else.
   */
  @ParameterizedTest(name = "{0} Hz, seed {1}, sensor {2} cm off the axis")
  @MethodSource("sessions")
  void scriptedSession(double rateHz, long seed, double sensorOffsetCm) {
    IndependentImu imu = new IndependentImu(seed, rateHz, LOADED_DIAMETER_CM, sensorOffsetCm);
    double strokeS = 3; // 15 cm in 3 s: 5 cm/s
    DoubleUnaryOperator strokes8 = strokes(8, 15, strokeS);
    DoubleUnaryOperator strokes6 = strokes(6, 15, strokeS);
    DoubleUnaryOperator rollAway = t -> 25 * smooth(Math.min(1, t / 1.5));
    List<Segment> script =
        List.of(
            new Segment(15, false, t -> 0),
            new Segment(6, true, t -> 0),
            new Segment(8 * strokeS, true, strokes8),
            new Segment(40, true, t -> 0),
            new Segment(6 * strokeS, true, strokes6),
            new Segment(60, true, t -> 0),
            new Segment(2, false, rollAway),
            new Segment(20, false, t -> 0));
    double dwellStart = T0_S + 15 + 6 + 8 * strokeS;
    double holdStart = dwellStart + 40 + 6 * strokeS;

    SessionAnalysis got = analyze(imu.render(T0_S, script));

    assertEquals(14, got.passes().size(), "passes: " + got.passes());
    assertEquals(7, got.rolls());
    assertEquals(1, got.dwells().size(), "dwells: " + got.dwells());
    Dwell dwell = got.dwells().get(0);
    assertEquals(dwellStart, dwell.startS(), 1.0, "dwell start");
    assertEquals(dwellStart + 40, dwell.endS(), 1.0, "dwell end");
    assertEquals(1, got.holds().size(), "holds: " + got.holds());
    ExtensionHold hold = got.holds().get(0);
    assertEquals(holdStart, hold.startS(), 1.0, "hold start");
    assertEquals(60, hold.durationS(), 1.5, "hold duration");
    double expectedBreaths = 60 * imu.breathHz();
    assertTrue(
        Math.abs(hold.breaths() - expectedBreaths) <= 1.5,
        "breaths " + hold.breaths() + " vs about " + expectedBreaths);
  }

  static Stream<Arguments> sessions() {
    return Stream.of(
        Arguments.of(50.0, 3L, 0.0), Arguments.of(100.0, 4L, 3.0), Arguments.of(200.0, 5L, 6.0));
  }

  /** n alternating strokes of {@code lengthCm}, each a half cosine lasting {@code strokeS}. */
  private static DoubleUnaryOperator strokes(int n, double lengthCm, double strokeS) {
    return t -> {
      int k = (int) Math.min(n - 1, Math.max(0, Math.floor(t / strokeS)));
      double f = smooth(Math.min(1, Math.max(0, (t - k * strokeS) / strokeS)));
      return (k % 2 == 0) ? lengthCm * f : lengthCm * (1 - f);
    };
  }

  private static double smooth(double f) {
    return (1 - Math.cos(Math.PI * f)) / 2;
  }

  private static SessionAnalysis analyze(List<ImuSample> samples) {
    AnalysisCollector collector = new AnalysisCollector();
    MotionPipeline pipeline =
        new MotionPipeline(
            PipelineConfig.defaults().withRollerDiameterCm(ROLLER_DIAMETER_CM), collector);
    samples.forEach(pipeline::accept);
    pipeline.end();
    return collector.analysis(samples.get(0).tS(), samples.get(samples.size() - 1).tS());
  }

  private double traceEndS;

  private DoubleUnaryOperator readTrace(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || !Character.isDigit(line.charAt(0))) continue;
        String[] f = line.split(",");
        rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
      }
    }
    traceEndS = rows.get(rows.size() - 1)[0];
    return t -> {
      if (t <= rows.get(0)[0]) return rows.get(0)[1];
      if (t >= traceEndS) return rows.get(rows.size() - 1)[1];
      int lo = 0;
      int hi = rows.size() - 1;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (rows.get(mid)[0] <= t) lo = mid;
        else hi = mid;
      }
      double[] a = rows.get(lo);
      double[] b = rows.get(hi);
      return a[1] + (b[1] - a[1]) * (t - a[0]) / (b[0] - a[0]);
    };
  }

  private static InputStream resource(String name) {
    InputStream in = ImuLevelConformanceTest.class.getResourceAsStream(name);
    if (in == null) throw new IllegalStateException("missing test resource " + name);
    return in;
  }
}
