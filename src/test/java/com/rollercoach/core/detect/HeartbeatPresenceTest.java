package com.rollercoach.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat's ripple against the gyro's own noise floor: a body in a breathing pause is seen, an
 * empty roller is not, whatever the gyro's noise density.
 */
class HeartbeatPresenceTest {
  private static final double HZ = 50;

  /**
   * A 50 Hz grid of integrated gyro angles: white rate noise of density {@code noise} (°/s/√Hz) on
   * each axis plus a constant bias ramp, and on the roll axis (x) a heartbeat ripple of amplitude
   * {@code heartDeg} from {@code heartFromS} on.
   */
  private static final class Roller {
    final HeartbeatPresence meter = new HeartbeatPresence(HZ);
    final Random rnd = new Random(11);
    final double[] phi = new double[3];
    final double[][] smooth = new double[3][2];
    final double noise;
    double t;

    Roller(double noise) {
      this.noise = noise;
    }

    /** Runs for {@code seconds}; returns the share of samples read as a body once settled. */
    double run(double seconds, double heartDeg, double lineDeg) {
      int present = 0;
      int judged = 0;
      double sigma = noise * Math.sqrt(HZ / 2); // per-sample rate noise over the grid's band
      for (int i = 0; i < seconds * HZ; i++) {
        t += 1 / HZ;
        for (int k = 0; k < 3; k++) {
          // the pipeline integrates rates low-passed by two 0.08 s stages (RollSignal)
          double w = 0.7 + sigma * rnd.nextGaussian();
          double a = 1 - Math.exp(-1 / (0.08 * HZ));
          smooth[k][0] += a * (w - smooth[k][0]);
          smooth[k][1] += a * (smooth[k][0] - smooth[k][1]);
          phi[k] += smooth[k][1] / HZ;
        }
        double ph = 2 * Math.PI * 1.1 * t;
        double body = heartDeg * (Math.sin(ph) + 0.5 * Math.sin(2 * ph + 0.6));
        double line = lineDeg * Math.sin(2 * Math.PI * 1.7 * t);
        double roll = phi[0] + body + line;
        double[] axes = {roll, phi[1] + 0.8 * line, phi[2] + 0.6 * line};
        meter.add(roll, axes);
        if (i >= HeartbeatPresence.SETTLE_S * HZ) {
          judged++;
          if (meter.bodyPresent()) present++;
        }
      }
      return judged == 0 ? 0 : (double) present / judged;
    }
  }

  @Test
  void noEvidenceBeforeTheFloorIsKnown() {
    Roller r = new Roller(0.015);
    r.meter.add(0, new double[3]);
    assertFalse(r.meter.bodyPresent());
    assertTrue(Double.isNaN(r.meter.floor()));
  }

  @Test
  void theFloorIsTheGyrosOwnNoiseInTheBand() {
    for (double noise : new double[] {0.005, 0.015, 0.05}) {
      Roller r = new Roller(noise);
      r.run(60, 0, 0);
      // white rate noise N in 0.8–3 Hz: N·√2.2 Hz before the pipeline's 2 Hz smoothing of the rate
      // and the band's skirts, which take about 40 % of it off; the floor is the lowest window
      double expected = noise * Math.sqrt(HeartbeatPresence.HIGH_HZ - HeartbeatPresence.LOW_HZ);
      double floor = r.meter.floor();
      assertTrue(floor > 0.3 * expected && floor < 0.8 * expected, noise + ": floor " + floor + " vs " + expected);
    }
  }

  @Test
  void anEmptyRollerIsNotABodyWhateverTheGyro() {
    for (double noise : new double[] {0.005, 0.015, 0.05}) {
      Roller r = new Roller(noise);
      double share = r.run(300, 0, 0);
      assertTrue(share < 0.05, noise + ": empty roller read as a body " + 100 * share + " % of the time");
    }
  }

  @Test
  void theWeakestHeartbeatOnTheNoisiestGyroIsABody() {
    // ICM-20948 (0.015 °/s/√Hz): a 0.005° ripple, the faintest a body on a roller gives
    Roller r = new Roller(0.015);
    r.run(20, 0, 0); // empty first: the floor is learned
    double share = r.run(120, 0.005, 0);
    assertTrue(share > 0.95, "body seen only " + 100 * share + " % of the time; floor " + r.meter.floor() + " level " + r.meter.level());
  }

  @Test
  void aQuieterGyroSeesAFainterRipple() {
    // the same ripple that is lost in the noise of a 0.05 °/s/√Hz part stands out on a 0.005 one
    Roller quiet = new Roller(0.005);
    quiet.run(20, 0, 0);
    double seen = quiet.run(60, 0.003, 0);
    assertTrue(seen > 0.95, "seen " + seen);
    Roller noisy = new Roller(0.05);
    noisy.run(20, 0, 0);
    double lost = noisy.run(60, 0.003, 0);
    assertTrue(lost < 0.1, "seen in the noise " + lost);
  }

  @Test
  void aMotorLineLearnedAsTheFloorIsNotABody() {
    // a vibrating roller's motor aliased to 1.7 Hz: once relearned with it, the line is the floor
    Roller r = new Roller(0.007);
    r.run(20, 0, 0);
    r.meter.relearn();
    assertEquals(0, r.run(60, 0, 0.01), 0.02);
  }

  @Test
  void aMotorShakingEveryAxisIsNotABodyEvenOverTheOldFloor() {
    // the motor switched on after the floor was learned: its line shakes the perpendicular axes too
    Roller r = new Roller(0.007);
    r.run(20, 0, 0);
    assertTrue(r.run(60, 0, 0.01) < 0.02, "a motor line read as a heartbeat");
    // the same heartbeat as before, under the motor's line, is still seen where it stands out
    assertTrue(r.run(60, 0.02, 0.01) > 0.9, "a body on the running motor not seen");
  }
}
