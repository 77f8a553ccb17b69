package com.rollercoach.core.calibration;

import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The principal axis of angular velocity: the eigenvector of the largest eigenvalue of the scatter
 * matrix {@code Σ ω·ωᵀ} (a principal component analysis without mean removal, since a roll back and
 * forth has zero mean but one axis). Commons Math's symmetric eigen decomposition does the work.
 */
final class RotationScatter {
  private RotationScatter() {}

  static Vector3D principalAxis(double[][] scatter) {
    EigenDecomposition eig = decompose(scatter);
    int best = argMax(eig.getRealEigenvalues());
    return new Vector3D(eig.getEigenvector(best).toArray()).normalize();
  }

  static double wobble(double[][] scatter) {
    double[] ev = decompose(scatter).getRealEigenvalues().clone();
    java.util.Arrays.sort(ev);
    return ev[2] > 0 ? Math.max(ev[1], 0) / ev[2] : 1;
  }

  static void addOuter(double[][] scatter, double x, double y, double z, double weight) {
    double[] v = {x, y, z};
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) scatter[r][c] += weight * v[r] * v[c];
    }
  }

  static void addAll(double[][] into, double[][] from) {
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) into[r][c] += from[r][c];
    }
  }

  private static EigenDecomposition decompose(double[][] scatter) {
    RealMatrix m = MatrixUtils.createRealMatrix(scatter);
    // Symmetrise against rounding so the symmetric (real, orthogonal) path is taken.
    return new EigenDecomposition(m.add(m.transpose()).scalarMultiply(0.5));
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
    return best;
  }

  /** The angle between two axes, ignoring their signs, degrees. */
  static double axisAngleDeg(Vector3D a, Vector3D b) {
    double c = Math.abs(a.normalize().dotProduct(b.normalize()));
    return Math.toDegrees(Math.acos(Math.min(1, c)));
  }
}
