package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * The "roll toward your head" gesture, learned once per roller: lying on the roller as for a session
 * (the sensor's end on the same side as always), the patient lets the roller travel up the back toward
 * the neck, 10 cm or more, and stops. The sign of the rotation about the roller axis during that one
 * movement is which way "toward the head" turns the roller; reviews use it to give positions on the
 * back the same sign whatever way the sensor was mounted.
 *
 * <p>A pure state machine like {@link CalibrationProcedure}: feed bias-corrected samples ({@link
 * #accept}), show {@link #state()}. Thresholds: rolling slowly (2.5 cm/s on a 15 cm roller) turns it
 * ~19 °/s, a person lying still rocks it well under 3 °/s (breathing), so 6 °/s separates moving from
 * still with margin on both sides; 10 cm of travel along the back is ≥ 45° of roller rotation on any
 * roller up to 25 cm across, far beyond what breathing or settling produce (a few degrees); a single
 * deliberate movement goes ≥ 75 % one way, while rocking back and forth nets close to zero.
 */
public final class HeadwardGesture {
  static final double MOVING_DPS = 6.0;
  static final double MIN_TURN_DEG = 45.0;
  static final double ONE_WAY_SHARE = 0.75;
  static final double REST_S = 1.0;

  /** Where the gesture is. */
  public enum Status { WAITING, MOVING, DONE, FAILED }

  /**
   * What to show: the status, an instruction or result line, and when done the learned sign (+1: rolling
   * toward the head is a positive rotation about the axis).
   */
  public record State(Status status, String message, int towardHead, double turnedDeg) {}

  public static final String INSTRUCTION =
      "Lie on the roller as for a session, roller under your shoulder blades, sensor end on the same side "
          + "as always. Keep still a moment, then roll toward your head: let the roller travel 10–20 cm "
          + "up your back toward your neck (bend your knees, let your hips move toward your feet), "
          + "and stop.";

  private final Vector3D axis;
  private double signedDeg;
  private double totalDeg;
  private double stillSinceS = Double.NaN;
  private double lastT = Double.NaN;
  private State state = new State(Status.WAITING, INSTRUCTION, 0, 0);

  /** @param rollAxis the roller axis in the (corrected) sensor frame, unit vector */
  public HeadwardGesture(Vector3D rollAxis) {
    this.axis = rollAxis.normalize();
  }

  public State state() {
    return state;
  }

  /** Starts over (after a failure, or to do it again). */
  public void retry() {
    signedDeg = 0;
    totalDeg = 0;
    stillSinceS = Double.NaN;
    lastT = Double.NaN;
    state = new State(Status.WAITING, INSTRUCTION, 0, 0);
  }

  /** One bias-corrected sample. */
  public void accept(ImuSample s) {
    if (state.status() == Status.DONE || state.status() == Status.FAILED) return;
    double dt = Double.isNaN(lastT) ? 0 : s.tS() - lastT;
    lastT = s.tS();
    if (dt < 0 || dt > 0.5) dt = 0; // a gap: do not integrate across it
    double rate = s.gxDps() * axis.getX() + s.gyDps() * axis.getY() + s.gzDps() * axis.getZ();
    boolean moving = Math.abs(rate) > MOVING_DPS;
    if (moving || state.status() == Status.MOVING) {
      signedDeg += rate * dt;
      totalDeg += Math.abs(rate) * dt;
    }
    if (moving) {
      stillSinceS = Double.NaN;
      if (state.status() == Status.WAITING) {
        state = new State(Status.MOVING, "Rolling… stop when the roller is 10–20 cm further up your back.", 0, 0);
      } else {
        state = new State(Status.MOVING, state.message(), 0, Math.abs(signedDeg));
      }
      return;
    }
    if (state.status() != Status.MOVING) return;
    if (Double.isNaN(stillSinceS)) stillSinceS = s.tS();
    if (s.tS() - stillSinceS < REST_S) return;
    finish();
  }

  /** The source ended: judge what was done so far. */
  public void end() {
    if (state.status() == Status.MOVING) finish();
  }

  private void finish() {
    if (totalDeg >= MIN_TURN_DEG && Math.abs(signedDeg) < ONE_WAY_SHARE * totalDeg) {
      state = new State(Status.FAILED,
          "the roller went both ways: roll in one direction only, toward your head, then stop", 0,
          Math.abs(signedDeg));
    } else if (Math.abs(signedDeg) < MIN_TURN_DEG) {
      state = new State(Status.FAILED, String.format(java.util.Locale.ROOT,
          "the roller turned only %.0f°: roll further, 10–20 cm up your back, then stop", Math.abs(signedDeg)),
          0, Math.abs(signedDeg));
    } else if (Math.abs(signedDeg) < ONE_WAY_SHARE * totalDeg) {
      state = new State(Status.FAILED,
          "the roller went both ways: roll in one direction only, toward your head, then stop", 0,
          Math.abs(signedDeg));
    } else {
      int sign = signedDeg > 0 ? 1 : -1;
      state = new State(Status.DONE, "Direction toward your head learned.", sign, Math.abs(signedDeg));
    }
  }
}
