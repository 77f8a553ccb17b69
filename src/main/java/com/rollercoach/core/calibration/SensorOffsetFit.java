package com.rollercoach.core.calibration;

import com.rollercoach.core.sample.ImuSample;
import java.util.List;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * The sensor's distance from the roller axis, from one roll along the floor between two rests.
 *
 * <p>A sensor at r⃗ from the axis of a roller rolling without slipping feels, in its own frame,
 * gravity turned back by the roll angle θ, the centre's acceleration R·α along the rolling direction
 * (also turning with θ), and the rigid-body terms of the offset: −ω²·r⃗ (centripetal) and
 * α·(e × r⃗) (tangential), with e the axis, ω and α the roll rate and its derivative. With θ(t)
 * integrated from the gyro and gravity known from the rest before the roll, what remains after
 * removing gravity is linear in the two components of r⃗ (perpendicular to e) and in the rolling
 * radius: three unknowns by linear least squares over every sample. At a brisk roll (ω ≈ 4 rad/s) the
 * centripetal term of a 4 cm offset is 0.06 g, far above the accelerometer's residual errors.
 */
final class SensorOffsetFit {
  /**
   * @param offsetCm |r⃗|, cm
   * @param rollingRadiusCm the fitted rolling radius, a consistency check against the distance roll
   */
  record Result(double offsetCm, double rollingRadiusCm) {}

  private SensorOffsetFit() {}

  /**
   * @param samples corrected samples from the rest before the roll to the rest after it
   * @param axis the roll axis (unit, either sign)
   * @param gravityAtStart corrected accelerometer mean of the rest before the roll, g
   */
  static java.util.Optional<Result> fit(List<ImuSample> samples, Vector3D axis, Vector3D gravityAtStart) {
    int n = samples.size();
    if (n < 20) return java.util.Optional.empty();
    Vector3D e = axis.normalize();
    Vector3D up = gravityAtStart.normalize();
    Vector3D u = e.orthogonal();
    Vector3D v = e.crossProduct(u);
    Vector3D roll0 = e.crossProduct(up); // rolling direction at the start, for θ increasing about e
    double g0 = ImuSample.STANDARD_GRAVITY;

    double[] t = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      ImuSample s = samples.get(i);
      t[i] = s.tS();
      w[i] = Math.toRadians(new Vector3D(s.gxDps(), s.gyDps(), s.gzDps()).dotProduct(e));
    }
    // α by central differences over about ±20 ms (noise of a single-step difference grows with rate).
    double dt = (t[n - 1] - t[0]) / (n - 1);
    int k = Math.max(1, (int) Math.round(0.02 / dt));

    RealMatrix ata = new Array2DRowRealMatrix(3, 3);
    double[] atb = new double[3];
    double theta = 0;
    for (int i = 0; i < n; i++) {
      if (i > 0) theta += 0.5 * (w[i] + w[i - 1]) * (t[i] - t[i - 1]);
      if (i < k || i >= n - k) continue;
      double alpha = (w[i + k] - w[i - k]) / (t[i + k] - t[i - k]);
      double om2 = w[i] * w[i];
      // The body turned by θ about e: world-fixed directions appear turned by −θ.
      Vector3D gravity = rotate(up, e, -theta).scalarMultiply(gravityAtStart.getNorm());
      Vector3D rollDir = rotate(roll0, e, -theta);
      ImuSample s = samples.get(i);
      Vector3D y = new Vector3D(s.axG(), s.ayG(), s.azG()).subtract(gravity).scalarMultiply(g0);
      Vector3D cu = u.scalarMultiply(-om2).add(e.crossProduct(u).scalarMultiply(alpha));
      Vector3D cv = v.scalarMultiply(-om2).add(e.crossProduct(v).scalarMultiply(alpha));
      Vector3D cr = rollDir.scalarMultiply(alpha);
      Vector3D[] cols = {cu, cv, cr};
      for (int a = 0; a < 3; a++) {
        atb[a] += cols[a].dotProduct(y);
        for (int b = 0; b < 3; b++) ata.addToEntry(a, b, cols[a].dotProduct(cols[b]));
      }
    }
    double[] x;
    try {
      x = new LUDecomposition(ata).getSolver().solve(new ArrayRealVector(atb)).toArray();
    } catch (SingularMatrixException ex) {
      return java.util.Optional.empty();
    }
    double offsetM = Math.hypot(x[0], x[1]);
    return java.util.Optional.of(new Result(offsetM * 100, x[2] * 100));
  }

  /** v turned by {@code angle} rad about unit axis e (Rodrigues). */
  private static Vector3D rotate(Vector3D v, Vector3D e, double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    return v.scalarMultiply(c)
        .add(e.crossProduct(v).scalarMultiply(s))
        .add(e.scalarMultiply(e.dotProduct(v) * (1 - c)));
  }

}
