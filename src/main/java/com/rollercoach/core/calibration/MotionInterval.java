package com.rollercoach.core.calibration;

import java.util.List;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * A stretch of movement between two still intervals, summarised by its rotation.
 *
 * <p>For a rotation about an axis fixed in the sensor (a roller rolling on the floor) the integral
 * of the angular velocity {@code ∫ω dt} is exactly the axis times the rolled angle; any other motion
 * (picking the roller up, turning it over) spreads over several axes. {@link #principalAxis()} and
 * {@link #wobble()} tell the two apart.
 *
 * @param rotationDeg ∫ω dt, degrees, sensor coordinates
 * @param pathDeg ∫|ω| dt, degrees: the total angle turned, whatever the direction
 * @param rotationEnergy the 3×3 scatter ∫ω·ωᵀ dt, (°/s)²·s
 * @param chunkAxes principal axes of consecutive chunks of about 45° of rotation each, for a
 *     stability check of the axis within the movement
 * @param gapped samples were missing inside the movement: its integral is incomplete
 * @param endedStill the movement ended in a still interval (false: the stream ended mid-movement)
 */
public record MotionInterval(
    double startS,
    double endS,
    Vector3D rotationDeg,
    double pathDeg,
    double[][] rotationEnergy,
    List<Vector3D> chunkAxes,
    boolean gapped,
    boolean endedStill) {

  public MotionInterval {
    chunkAxes = List.copyOf(chunkAxes);
  }

  public double durationS() {
    return endS - startS;
  }

  /** The axis the movement turned about most (unit vector, sign arbitrary). */
  public Vector3D principalAxis() {
    return RotationScatter.principalAxis(rotationEnergy);
  }

  /**
   * λ₂/λ₁ of the rotation scatter: 0 for a rotation about one fixed axis, up to 1 for tumbling. An
   * axis tilted by δ during a roll gives about sin²δ.
   */
  public double wobble() {
    return RotationScatter.wobble(rotationEnergy);
  }

  /** |∫ω dt| / ∫|ω| dt: 1 for a one-way roll, near 0 for rolling back and forth. */
  public double straightness() {
    return pathDeg > 0 ? rotationDeg.getNorm() / pathDeg : 0;
  }
}
