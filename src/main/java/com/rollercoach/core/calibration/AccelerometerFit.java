package com.rollercoach.core.calibration;

import java.util.List;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
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
 * Multi-position accelerometer calibration without external equipment (Tedaldi, Pretto, Menegatti,
 * ICRA 2014; imu_tk): at rest the accelerometer measures gravity only, so every resting orientation
 * must read exactly 1 g once corrected. The nine parameters of {@code a = T·K·(raw − b)} (three
 * misalignment angles in the upper triangle of T, three scales, three offsets) minimise
 *
 * <pre>  Σᵢ ( |T·K·(rawᵢ − b)| − 1 g )²</pre>
 *
 * over the poses by Levenberg–Marquardt (Commons Math) with the analytic Jacobian. Each pose gives one
 * equation, so the nine unknowns need {@link #FULL_MODEL_POSES} poses; with 6 to 8 poses only offsets
 * and scales are fitted (T = I, Tedaldi's six-face minimum), and a misaligned sensor then shows a
 * larger residual. Spare poses beyond the unknowns let the residual and a leave-one-out check reveal a
 * bad pose. The fit reports the standard error of every parameter and refuses poses that leave the
 * ellipsoid underdetermined (all orientations in one plane, for example).
 */
public final class AccelerometerFit {
  /** Full parameter order: α_yz, α_zy, α_zx (rad), s_x, s_y, s_z, b_x, b_y, b_z (g). */
  private static final int PARAMS = 9;

  /** Fewest poses for the 9-parameter model: one equation per unknown. */
  public static final int FULL_MODEL_POSES = 9;

  /** Fewest poses at all: six for offsets and scales. */
  public static final int MIN_POSES = 6;

  /**
   * The fitted model and how well it is known.
   *
   * @param residualRmsMg root mean square of |a| − 1 g over the poses after correction, mg
   * @param maxResidualMg the worst pose, mg
   * @param offsetSigmaMg standard error of the offsets (largest axis), mg
   * @param scaleSigma standard error of the scales (largest axis), fraction
   * @param misalignmentSigmaDeg standard error of the misalignment angles (largest), degrees
   * @param worstPose 1-based index of the pose that the other poses predict worst (leave-one-out),
   *     0 when there are too few poses to leave one out
   * @param worstPoseMisfitMg how far that pose's |a| is from 1 g under the fit of the others, mg
   */
  public record Result(
      Vector3D offsetG,
      Vector3D scale,
      double[][] misalignment,
      double residualRmsMg,
      double maxResidualMg,
      double offsetSigmaMg,
      double scaleSigma,
      double misalignmentSigmaDeg,
      int poses,
      boolean misalignmentFitted,
      int worstPose,
      double worstPoseMisfitMg) {}

  /** Thrown when the poses cannot determine the model. */
  public static final class UnderdeterminedException extends Exception {
    UnderdeterminedException(String message) {
      super(message);
    }
  }

  private static final String UNDETERMINED =
      "the resting positions do not determine the accelerometer model: turn the roller so that"
          + " gravity points in more different directions (stand it on its ends, lean it)";

  private AccelerometerFit() {}

  /**
   * @param posesG mean raw accelerometer reading of each resting pose, g
   * @param noiseFloorMg standard error of one pose mean from sensor noise alone (per axis); the
   *     reported parameter uncertainties are what this noise leaves with these poses
   */
  public static Result fit(List<Vector3D> posesG, double noiseFloorMg)
      throws UnderdeterminedException {
    Result all = fitOnce(posesG, noiseFloorMg);
    int params = all.misalignmentFitted() ? PARAMS : PARAMS - 3;
    if (posesG.size() - 1 < params + 1) return all;
    // Leave-one-out: with few spare poses a single bad pose (the roller still rocking, a sensor
    // shifting in its holder) is absorbed by the fit and hardly shows in the residual; predicted
    // from the others it stands out.
    int worst = 0;
    double worstMisfit = 0;
    for (int i = 0; i < posesG.size(); i++) {
      List<Vector3D> others = new java.util.ArrayList<>(posesG);
      Vector3D left = others.remove(i);
      Result r;
      try {
        r = fitOnce(others, noiseFloorMg, all.misalignmentFitted());
      } catch (UnderdeterminedException e) {
        continue;
      }
      double misfit = Math.abs(correct(r, left).getNorm() - 1) * 1000;
      if (misfit > worstMisfit) {
        worstMisfit = misfit;
        worst = i + 1;
      }
    }
    return new Result(
        all.offsetG(),
        all.scale(),
        all.misalignment(),
        all.residualRmsMg(),
        all.maxResidualMg(),
        all.offsetSigmaMg(),
        all.scaleSigma(),
        all.misalignmentSigmaDeg(),
        all.poses(),
        all.misalignmentFitted(),
        worst,
        worstMisfit);
  }

  private static Vector3D correct(Result r, Vector3D raw) {
    return new ImuCorrection(Vector3D.ZERO, new Vector3D(1, 1, 1), r.offsetG(), r.scale(), r.misalignment())
        .correctAccel(raw);
  }

  private static Result fitOnce(List<Vector3D> posesG, double noiseFloorMg)
      throws UnderdeterminedException {
    return fitOnce(posesG, noiseFloorMg, posesG.size() >= FULL_MODEL_POSES);
  }

  private static Result fitOnce(List<Vector3D> posesG, double noiseFloorMg, boolean full)
      throws UnderdeterminedException {
    int m = posesG.size();
    if (m < MIN_POSES) {
      throw new UnderdeterminedException(
          m
              + " resting positions are too few for the accelerometer fit (need at least "
              + MIN_POSES
              + ")");
    }
    int first = full ? 0 : 3;
    double[][] raw = new double[m][];
    for (int i = 0; i < m; i++) raw[i] = posesG.get(i).toArray();

    double[] target = new double[m];
    java.util.Arrays.fill(target, 1.0);
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .start(java.util.Arrays.copyOfRange(new double[] {0, 0, 0, 1, 1, 1, 0, 0, 0}, first, 9))
            .model(model(raw, first))
            .target(target)
            .maxEvaluations(2000)
            .maxIterations(2000)
            .build();
    Optimum opt;
    try {
      opt = new LevenbergMarquardtOptimizer().optimize(problem);
    } catch (org.apache.commons.math3.exception.TooManyEvaluationsException
        | org.apache.commons.math3.exception.TooManyIterationsException
        | org.apache.commons.math3.exception.ConvergenceException e) {
      // A fit that wanders without converging has a flat direction: the poses leave it free.
      throw new UnderdeterminedException(UNDETERMINED);
    }
    double[] p = expand(opt.getPoint().toArray(), first);

    double[] residuals = opt.getResiduals().toArray();
    double ss = 0;
    double worst = 0;
    for (double r : residuals) {
      ss += r * r;
      worst = Math.max(worst, Math.abs(r));
    }
    double rmsG = Math.sqrt(ss / m);

    double[] sigma;
    try {
      sigma = expand(opt.getSigma(1e-12).toArray(), first);
    } catch (SingularMatrixException e) {
      throw new UnderdeterminedException(UNDETERMINED);
    }
    // sigma = √diag((JᵀJ)⁻¹) is the parameter error per unit of pose error: scaled by the error sensor
    // noise leaves in a pose mean it measures the geometry of the poses alone. A bad pose shows in
    // the residual instead, which the caller judges separately.
    double perPoseG = noiseFloorMg / 1000;
    double offSig = 0;
    double scaleSig = 0;
    double angSig = 0;
    for (int i = 0; i < 3; i++) {
      angSig = Math.max(angSig, sigma[i] * perPoseG);
      scaleSig = Math.max(scaleSig, sigma[3 + i] * perPoseG);
      offSig = Math.max(offSig, sigma[6 + i] * perPoseG);
    }
    if (!Double.isFinite(offSig + scaleSig + angSig)) {
      throw new UnderdeterminedException(UNDETERMINED);
    }
    return new Result(
        new Vector3D(p[6], p[7], p[8]),
        new Vector3D(p[3], p[4], p[5]),
        misalignment(p),
        rmsG * 1000,
        worst * 1000,
        offSig * 1000,
        scaleSig,
        Math.toDegrees(angSig),
        m,
        full,
        0,
        0);
  }

  /** The optimizer's point (angles left out when {@code first == 3}) as the full 9 parameters. */
  private static double[] expand(double[] point, int first) {
    double[] p = new double[PARAMS];
    System.arraycopy(point, 0, p, first, point.length);
    return p;
  }

  static double[][] misalignment(double[] p) {
    return new double[][] {{1, -p[0], p[1]}, {0, 1, -p[2]}, {0, 0, 1}};
  }

  /**
   * |T·K·(raw − b)| per pose and its Jacobian. With u = raw − b, w = T·K·u, n = |w| and
   * g = Tᵀw/n: ∂n/∂s_j = g_j·u_j, ∂n/∂b_j = −g_j·s_j, and for the angles
   * ∂n/∂α_yz = −w_x·(K u)_y/n, ∂n/∂α_zy = w_x·(K u)_z/n, ∂n/∂α_zx = −w_y·(K u)_z/n.
   */
  private static MultivariateJacobianFunction model(double[][] raw, int first) {
    return point -> {
      double[] p = expand(point.toArray(), first);
      int m = raw.length;
      RealVector value = new ArrayRealVector(m);
      double[][] jac = new double[m][PARAMS];
      double[][] t = misalignment(p);
      for (int i = 0; i < m; i++) {
        double[] u = new double[3];
        double[] v = new double[3];
        for (int j = 0; j < 3; j++) {
          u[j] = raw[i][j] - p[6 + j];
          v[j] = p[3 + j] * u[j];
        }
        double[] w = new double[3];
        for (int r = 0; r < 3; r++) {
          w[r] = t[r][0] * v[0] + t[r][1] * v[1] + t[r][2] * v[2];
        }
        double n = Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        value.setEntry(i, n);
        double[] g = new double[3];
        for (int c = 0; c < 3; c++) {
          g[c] = (t[0][c] * w[0] + t[1][c] * w[1] + t[2][c] * w[2]) / n;
        }
        jac[i][0] = -w[0] * v[1] / n;
        jac[i][1] = w[0] * v[2] / n;
        jac[i][2] = -w[1] * v[2] / n;
        for (int j = 0; j < 3; j++) {
          jac[i][3 + j] = g[j] * u[j];
          jac[i][6 + j] = -g[j] * p[3 + j];
        }
      }
      RealMatrix used = new Array2DRowRealMatrix(m, PARAMS - first);
      for (int i = 0; i < m; i++) {
        for (int c = first; c < PARAMS; c++) used.setEntry(i, c - first, jac[i][c]);
      }
      return new Pair<>(value, used);
    };
  }
}
