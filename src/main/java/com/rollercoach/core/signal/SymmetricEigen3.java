package com.rollercoach.core.signal;

/**
 * Eigenvalues and eigenvectors of a symmetric 3×3 matrix by cyclic Jacobi rotations (Golub and Van
 * Loan, <i>Matrix Computations</i>, 4th ed., §8.5): each rotation zeroes one off-diagonal entry, and
 * the off-diagonal norm falls quadratically, so a covariance is diagonal to rounding in 4–6 sweeps.
 *
 * <p>Why not Commons Math's {@code EigenDecomposition}, which the roll-axis estimate used before:
 * for a 3×3 matrix re-solved every quarter second of rolling it allocated a dozen matrices and
 * vectors and checked symmetry each time, ≈ 7 % of the whole pipeline (JFR, docs/benchmarks.md,
 * round 6). Jacobi on a symmetric matrix is also the more accurate method for small eigenvectors.
 * Reused: one instance per estimator, no allocation per solve.
 */
final class SymmetricEigen3 {
  /** Sweeps are capped; a symmetric 3×3 converges in far fewer (quadratically after the first). */
  private static final int MAX_SWEEPS = 32;

  private final double[][] a = new double[3][3];
  private final double[][] v = new double[3][3];
  private final double[] values = new double[3];

  /**
   * Decomposes the symmetric matrix given by its upper triangle.
   *
   * @return this, with {@link #value} and {@link #vector} filled
   */
  SymmetricEigen3 solve(double xx, double xy, double xz, double yy, double yz, double zz) {
    a[0][0] = xx;
    a[0][1] = a[1][0] = xy;
    a[0][2] = a[2][0] = xz;
    a[1][1] = yy;
    a[1][2] = a[2][1] = yz;
    a[2][2] = zz;
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) v[i][j] = i == j ? 1 : 0;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
      double diag = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
      // off-diagonal below rounding of the diagonal (or exactly zero): diagonal to machine precision
      if (off == 0 || off <= 1e-34 * diag) break;
      rotate(0, 1);
      rotate(0, 2);
      rotate(1, 2);
    }
    for (int i = 0; i < 3; i++) values[i] = a[i][i];
    return this;
  }

  /** Eigenvalue i (in no particular order). */
  double value(int i) {
    return values[i];
  }

  /** Component {@code row} of the unit eigenvector of eigenvalue i. */
  double vector(int i, int row) {
    return v[row][i];
  }

  /** One Jacobi rotation in the (p, q) plane that zeroes a[p][q]. */
  private void rotate(int p, int q) {
    double apq = a[p][q];
    if (apq == 0) return;
    double theta = (a[q][q] - a[p][p]) / (2 * apq);
    // the smaller root of t² + 2θt − 1 = 0: a rotation by at most 45°, which keeps it stable
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) t = 1;
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    for (int k = 0; k < 3; k++) { // A ← A·J (columns p and q)
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < 3; k++) { // A ← Jᵀ·A (rows p and q)
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    a[p][q] = a[q][p] = 0; // exactly, by construction of the angle
    for (int k = 0; k < 3; k++) { // V ← V·J
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }
}
