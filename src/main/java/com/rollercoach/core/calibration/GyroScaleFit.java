package com.rollercoach.core.calibration;

import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.util.Pair;

/**
 * Gyroscope scale per axis from the turns between resting positions, the second half of Tedaldi et
 * al.'s method (ICRA 2014): once the accelerometer is calibrated, each resting position gives the
 * direction of gravity in sensor coordinates. Integrating the scaled gyroscope over the turn from one
 * position to the next must carry the first gravity direction onto the second; the three scales
 * minimise the misfit over all turns by Levenberg–Marquardt (Commons Math). Misalignment of the gyro
 * axes is not fitted (it would need more varied turns than a roller allows); the roll axis is found
 * in the gyro's own frame, so it does not need it.
 */
public final class GyroScaleFit {
  /**
   * @param scale fitted scale per axis
   * @param residualDeg RMS angle between predicted and measured gravity after the fit, degrees
   * @param scaleSigma standard error of the scales (largest axis), fraction
   */
  public record Result(Vector3D scale, double residualDeg, double scaleSigma, int turns) {}

  /**
   * One turn between two resting positions.
   *
   * @param gravityBefore corrected gravity direction at the start (any length)
   * @param gravityAfter corrected gravity direction at the end
   * @param dtS time steps, s; {@code rates[i]} applies over {@code dtS[i]}
   * @param ratesDps bias-corrected, unscaled gyro readings, [n][3], °/s
   */
  public record Turn(Vector3D gravityBefore, Vector3D gravityAfter, double[] dtS, double[][] ratesDps) {}

  private GyroScaleFit() {}

  /** Empty when the turns do not determine the scales well enough ({@code maxSigma}). */
  public static java.util.Optional<Result> fit(List<Turn> turns, double maxSigma) {
    if (turns.size() < 3) return java.util.Optional.empty();
    int m = 3 * turns.size();
    MultivariateJacobianFunction model =
        point -> {
          double[] s = point.toArray();
          RealVector value = residuals(turns, s);
          RealMatrix jac = new Array2DRowRealMatrix(m, 3);
          double h = 1e-6;
          for (int j = 0; j < 3; j++) {
            double[] sh = s.clone();
            sh[j] += h;
            RealVector v = residuals(turns, sh);
            for (int i = 0; i < m; i++) jac.setEntry(i, j, (v.getEntry(i) - value.getEntry(i)) / h);
          }
          return new Pair<>(value, jac);
        };
    Optimum opt =
        new LevenbergMarquardtOptimizer()
            .optimize(
                new LeastSquaresBuilder()
                    .start(new double[] {1, 1, 1})
                    .model(model)
                    .target(new double[m])
                    .maxEvaluations(500)
                    .maxIterations(500)
                    .build());
    double[] s = opt.getPoint().toArray();
    double rms = opt.getRMS();
    double sigma;
    try {
      double[] sd = opt.getSigma(1e-12).toArray();
      // Per-residual error: the achieved RMS, at least 0.05° (the noise of a pose's gravity direction).
      double perResidual = Math.max(rms * Math.sqrt((double) m / Math.max(m - 3, 1)), 1e-3);
      sigma = Math.max(sd[0], Math.max(sd[1], sd[2])) * perResidual;
    } catch (SingularMatrixException e) {
      return java.util.Optional.empty();
    }
    if (!(sigma <= maxSigma)) return java.util.Optional.empty();
    return java.util.Optional.of(
        new Result(new Vector3D(s), Math.toDegrees(rms), sigma, turns.size()));
  }

  /** Predicted minus measured unit gravity after each turn (3 entries per turn). */
  private static RealVector residuals(List<Turn> turns, double[] scale) {
    RealVector out = new ArrayRealVector(3 * turns.size());
    for (int k = 0; k < turns.size(); k++) {
      Turn t = turns.get(k);
      double[] q = {1, 0, 0, 0};
      for (int i = 0; i < t.dtS().length; i++) {
        double[] w = t.ratesDps()[i];
        rotateBody(
            q,
            Math.toRadians(scale[0] * w[0]) * t.dtS()[i],
            Math.toRadians(scale[1] * w[1]) * t.dtS()[i],
            Math.toRadians(scale[2] * w[2]) * t.dtS()[i]);
      }
      // q maps the final body frame to the initial one; gravity (fixed in the world) seen from the
      // final frame is qᵀ applied to the initial gravity direction.
      Vector3D g0 = t.gravityBefore().normalize();
      Vector3D predicted = rotateInverse(q, g0);
      Vector3D diff = predicted.subtract(t.gravityAfter().normalize());
      out.setEntry(3 * k, diff.getX());
      out.setEntry(3 * k + 1, diff.getY());
      out.setEntry(3 * k + 2, diff.getZ());
    }
    return out;
  }

  /** q ← q ⊗ exp(θ/2) for a small body-frame rotation vector θ (rad), renormalised. */
  private static void rotateBody(double[] q, double x, double y, double z) {
    double angle = Math.sqrt(x * x + y * y + z * z);
    if (angle == 0) return;
    double half = angle / 2;
    double s = Math.sin(half) / angle;
    double dw = Math.cos(half);
    double dx = x * s;
    double dy = y * s;
    double dz = z * s;
    double w = q[0] * dw - q[1] * dx - q[2] * dy - q[3] * dz;
    double a = q[0] * dx + q[1] * dw + q[2] * dz - q[3] * dy;
    double b = q[0] * dy - q[1] * dz + q[2] * dw + q[3] * dx;
    double c = q[0] * dz + q[1] * dy - q[2] * dx + q[3] * dw;
    double n = Math.sqrt(w * w + a * a + b * b + c * c);
    q[0] = w / n;
    q[1] = a / n;
    q[2] = b / n;
    q[3] = c / n;
  }

  /** Rotates v by the inverse (conjugate) of unit quaternion q. */
  private static Vector3D rotateInverse(double[] q, Vector3D v) {
    double w = q[0];
    double x = -q[1];
    double y = -q[2];
    double z = -q[3];
    double vx = v.getX();
    double vy = v.getY();
    double vz = v.getZ();
    // t = 2·(q_vec × v); v' = v + w·t + q_vec × t
    double tx = 2 * (y * vz - z * vy);
    double ty = 2 * (z * vx - x * vz);
    double tz = 2 * (x * vy - y * vx);
    return new Vector3D(
        vx + w * tx + (y * tz - z * ty), vy + w * ty + (z * tx - x * tz), vz + w * tz + (x * ty - y * tx));
  }
}
