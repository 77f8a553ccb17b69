package com.rollercoach.core.signal;

/**
 * How hard a resting roller shakes, at any frequency a sensor can report: the RMS of the specific
 * force about a gravity estimate that the gyro turns with the roller and that relaxes to the
 * measurement with τ = {@value #GRAVITY_TAU_S} s.
 *
 * <p>The shaking above a 3 Hz high-pass ({@link MotorSwitch}'s energy) is the motor's for a sensor
 * sampling faster than twice the motor's speed. A 25–52 Hz
 * sensor under a 25–70 Hz motor sees the motor <i>aliased</i>, anywhere between 0 and half the
 * sample rate, and the line moves when a load slows the motor by a few per cent: a 1 g motor at
 * 52 Hz read 0.03 g loaded and 0.32 g empty through that high-pass, or the other way round, so a
 * get-off could not be told by the shaking's size (seed 21000130, `vibration-before-on`). Here
 * everything above ≈ {@code 1/(2π·τ)} ≈ 0.3 Hz counts. On a resting roller nothing else is there:
 * breathing turns gravity by fractions of a degree, which the gyro-turned estimate follows, and the
 * heartbeat's recoil is milli-g. While the roller rolls its own acceleration (r·α, ≲ 0.1 g) counts
 * too, so this is read only at rest ({@code MotorLoad}).
 */
public final class RestShaking {
  static final double GRAVITY_TAU_S = 0.5;
  /**
   * At rest, shaking above this RMS is a running motor: a MEMS accelerometer's noise is ~0.005 g
   * RMS at 50 Hz, a body's heartbeat recoil milli-g.
   */
  public static final double MOTOR_MIN_G = 0.05;
  /**
   * The running mean square's averaging time: many periods of any line above 4 Hz, short enough
   * that a get-off's step shows within a second.
   */
  static final double LEVEL_TAU_S = 0.25;

  private final TurnedGravity gravity = new TurnedGravity(GRAVITY_TAU_S);
  private double level2 = Double.NaN;
  private double residual2 = Double.NaN;

  /**
   * One raw sample.
   *
   * @param wx bias-corrected rate, °/s (likewise wy, wz)
   * @param dtS time since the previous sample; across a gap ({@code > }{@link
   *     RollAngleTracker#SNAP_GAP_S}) the estimate restarts on this sample and the level holds
   */
  public void update(
      double ax, double ay, double az, double wx, double wy, double wz, double dtS) {
    if (!gravity.known() || !(dtS > 0) || dtS > RollAngleTracker.SNAP_GAP_S) {
      gravity.reset(ax, ay, az);
      residual2 = Double.NaN;
      return;
    }
    double d2 = gravity.update(ax, ay, az, wx, wy, wz, dtS);
    residual2 = d2;
    level2 = Double.isNaN(level2) ? d2 : level2 + Math.min(1, dtS / LEVEL_TAU_S) * (d2 - level2);
  }

  /** The latest sample's squared residual, g² (NaN on the first sample and after a gap). */
  public double residual2() {
    return residual2;
  }

  /**
   * RMS of the shaking, g; NaN before the second sample. Across a gap it keeps its value: a BLE
   * stall under a running motor read as the motor stopping (a 3 Hz high-pass restarted on one
   * sample reads zero), which restarted the loaded reference {@code MotorLoad} compares a get-off
   * with (seed 21000131).
   */
  public double levelG() {
    return Math.sqrt(level2);
  }
}
