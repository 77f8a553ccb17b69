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

  /**
   * This movement as a gyro with per-axis gains {@code scale} would have measured it: the integral
   * and the scatter are linear in ω, so a movement integrated before the gyro scale was known can be
   * corrected afterwards exactly. The total angle is rescaled along the principal axis.
   */
  public MotionInterval scaled(Vector3D scale) {
    double[] k = scale.toArray();
    double[][] e = new double[3][3];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) e[r][c] = k[r] * rotationEnergy[r][c] * k[c];
    }
    java.util.List<Vector3D> axes = new java.util.ArrayList<>();
    for (Vector3D a : chunkAxes) {
      axes.add(new Vector3D(a.getX() * k[0], a.getY() * k[1], a.getZ() * k[2]).normalize());
    }
    Vector3D p = principalAxis();
    double gain = new Vector3D(p.getX() * k[0], p.getY() * k[1], p.getZ() * k[2]).getNorm();
    return new MotionInterval(
        startS,
        endS,
        new Vector3D(rotationDeg.getX() * k[0], rotationDeg.getY() * k[1], rotationDeg.getZ() * k[2]),
        pathDeg * gain,
        e,
        axes,
        gapped,
        endedStill);
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
