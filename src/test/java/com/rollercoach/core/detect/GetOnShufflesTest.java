package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Lying back onto a roller comes in shuffles, and a pause between two of them can last as long as the
 * rest that settling waits for ({@link OnRollerDetector#SETTLE_REST_S}). The landing's jolt in the
 * next shuffle shows the person was still getting on: strokes count from the rest after it (seed
 * 39000163). A jolt after the person lay still longer, or once a stroke is under way, is the
 * rolling's own and changes nothing.
 */
class GetOnShufflesTest {
  /**
   * Where the person settled: somebody on by the rocking from 10 s, a shuffle of 2 cm (10.2–10.6 s),
   * a pause of {@code pauseS}, then the roller moving at {@code cmS} cm/s from the pause's end until
   * 12.5 s, with a jolt {@code joltAfterS} after the pause's end; at rest after 12.5 s.
   */
  private static double settledAt(long seed, double pauseS, double cmS, double joltAfterS) {
    double pauseEnd = 10.6 + pauseS;
    DoubleUnaryOperator v = t -> t >= 10.2 && t < 10.6 ? -5 : t >= pauseEnd && t < 12.5 ? cmS : 0;
    return OnRollerRig.settledAt(seed, v, 10, pauseEnd + joltAfterS);
  }

  @Test
  void aLandingJustAfterAPauseInTheGetOnSettlesAfterTheLanding() {
    // a 0.7 s pause settles at 10.6 s; the landing's jolt 0.04 s into the next shuffle (5.4 cm):
    // the person settled after that shuffle, not in the pause (it would have been a pass)
    assertEquals(12.5, settledAt(1, 0.7, 5.4 / 1.2, 0.04), 0.03);
  }

  @Test
  void aJoltAfterTheRestThatSettledLastedLongerIsTheRollingsOwn() {
    // still for 2 s before a brisk first stroke, a ridge of grid foam flagged 0.3 s into it (seed
    // 39000173): the person had settled at 10.6 s
    assertEquals(10.6, settledAt(2, 2.0, 12, 0.3), 0.03);
  }

  @Test
  void aJoltOnceAStrokeIsUnderWayIsTheRollingsOwn() {
    // a 0.6 s pause, then a stroke at 8 cm/s flagged 0.35 s in, 2.8 cm from the rest, within a
    // second of the settling: a stroke had begun (the segmenter's hysteresis is 2 cm), the person
    // had settled at 10.6 s
    assertEquals(10.6, settledAt(3, 0.6, 8, 0.35), 0.03);
  }

  @Test
  void theShuffleAfterThePauseIsNoPass() {
    // the whole detector on angles: empty, then shuffles as above (the pause 0.9 s, as the smoothed
    // speed trails cosine moves; the landing's 5.4 cm shuffle going up), a rest, and four strokes of
    // 12 cm starting downwards: four passes, the first from the rest after the landing (settled in
    // the pause, the shuffle was a fifth)
    List<MotionEvent> events = new ArrayList<>();
    SessionFeed feed = new SessionFeed(new SessionDetector(events::add));
    feed.rest(20);
    feed.move(-2, 0.4, false);
    feed.rest(0.9);
    feed.move(5.4, 1.2, true);
    double landedS = feed.t;
    feed.rest(2);
    for (int k = 0; k < 4; k++) {
      feed.move(k % 2 == 0 ? -12 : 12, 4, false);
      feed.rest(1);
    }
    feed.rest(30);
    feed.detector.end();
    List<Pass> passes =
        events.stream()
            .filter(MotionEvent.PassCompleted.class::isInstance)
            .map(e -> ((MotionEvent.PassCompleted) e).pass())
            .toList();
    assertEquals(4, passes.size(), "passes " + passes);
    assertTrue(passes.get(0).startS() >= landedS, "the first pass starts at " + passes.get(0).startS());
  }

  /**
   * Feeds a {@link SessionDetector} a roller of 7.5 cm radius on its grid: the gyro's noise, a
   * heartbeat's ripple while somebody is on, and moves with a cosine speed profile.
   */
  private static final class SessionFeed {
    private static final double GRID_HZ = SessionDetector.GRID_HZ;
    private static final double RADIUS_CM = 7.5;
    final SessionDetector detector;
    private final Random rnd = new Random(11);
    private final double[] phi = new double[3];
    private final double[] noise = new double[3];
    private double t;
    private double sCm;
    private boolean on;

    SessionFeed(SessionDetector detector) {
      this.detector = detector;
    }

    void rest(double seconds) {
      double at = sCm;
      feed(seconds, x -> at, false);
    }

    /** Somebody on from the first move: the roller rolled {@code cm} over {@code seconds}. */
    void move(double cm, double seconds, boolean joltAtStart) {
      on = true;
      double from = t;
      double at = sCm;
      feed(seconds, x -> at + cm * (1 - Math.cos(Math.PI * (x - from) / seconds)) / 2, joltAtStart);
    }

    private void feed(double seconds, DoubleUnaryOperator position, boolean joltAtStart) {
      double sigma = 0.005 * Math.sqrt(GRID_HZ / 2);
      double start = t;
      for (int i = 0; i < seconds * GRID_HZ; i++) {
        t += 1 / GRID_HZ;
        sCm = position.applyAsDouble(t);
        for (int k = 0; k < 3; k++) noise[k] += sigma * rnd.nextGaussian() / GRID_HZ;
        double ph = 2 * Math.PI * 1.1 * t;
        double heart = on ? 0.02 * (0.77 * Math.sin(ph) + 0.25 * Math.sin(2 * ph + 0.6)) : 0;
        double angle = Math.toDegrees(sCm / RADIUS_CM) + heart;
        phi[0] = angle + noise[0];
        phi[1] = noise[1];
        phi[2] = noise[2];
        boolean jolt = joltAtStart && t - start < 0.1;
        detector.accept(t, RADIUS_CM * Math.toRadians(angle), angle, phi[0], phi, jolt);
      }
    }
  }
}
