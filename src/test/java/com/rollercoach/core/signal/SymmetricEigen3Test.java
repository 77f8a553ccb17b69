package com.rollercoach.core.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class SymmetricEigen3Test {
  private final SymmetricEigen3 eig = new SymmetricEigen3();

  /** A·v = λ·v and VᵀV = I to rounding, and the same spectrum as Commons Math's solver. */
  @Test
  void decomposesRandomSymmetricMatricesLikeCommonsMath() {
    SplittableRandom r = new SplittableRandom(6);
    for (int n = 0; n < 20_000; n++) {
      double scale = Math.pow(10, r.nextInt(-6, 7));
      double[] u = new double[6];
      for (int i = 0; i < 6; i++) u[i] = scale * (r.nextDouble() * 2 - 1);
      if (n % 4 == 0) { // covariances of rolling: one dominant direction
        double[] d = {r.nextDouble() - 0.5, r.nextDouble() - 0.5, r.nextDouble() - 0.5};
        double big = 1000 * scale;
        u[0] += big * d[0] * d[0];
        u[1] += big * d[0] * d[1];
        u[2] += big * d[0] * d[2];
        u[3] += big * d[1] * d[1];
        u[4] += big * d[1] * d[2];
        u[5] += big * d[2] * d[2];
      }
      double[][] m = {{u[0], u[1], u[2]}, {u[1], u[3], u[4]}, {u[2], u[4], u[5]}};
      eig.solve(u[0], u[1], u[2], u[3], u[4], u[5]);
      double norm = 0;
      for (double[] row : m) for (double x : row) norm = Math.max(norm, Math.abs(x));
      for (int k = 0; k < 3; k++) {
        for (int i = 0; i < 3; i++) {
          double av = 0;
          for (int j = 0; j < 3; j++) av += m[i][j] * eig.vector(k, j);
          assertEquals(eig.value(k) * eig.vector(k, i), av, 1e-13 * norm, "A·v = λv, matrix " + n);
        }
        for (int l = 0; l < 3; l++) {
          double dot = 0;
          for (int j = 0; j < 3; j++) dot += eig.vector(k, j) * eig.vector(l, j);
          assertEquals(k == l ? 1 : 0, dot, 1e-14, "orthonormal, matrix " + n);
        }
      }
      double[] ours = {eig.value(0), eig.value(1), eig.value(2)};
      double[] theirs = new EigenDecomposition(new Array2DRowRealMatrix(m)).getRealEigenvalues();
      Arrays.sort(ours);
      Arrays.sort(theirs);
      for (int i = 0; i < 3; i++) assertEquals(theirs[i], ours[i], 1e-13 * norm, "spectrum " + n);
    }
  }

  @Test
  void diagonalAndRepeatedEigenvalues() {
    eig.solve(3, 0, 0, 1, 0, 2);
    assertEquals(3, eig.value(0));
    assertEquals(1, eig.value(1));
    assertEquals(2, eig.value(2));
    assertEquals(1, Math.abs(eig.vector(0, 0)));
    eig.solve(1, 0, 0, 1, 0, 1); // identity: any basis, still orthonormal
    for (int k = 0; k < 3; k++) assertEquals(1, eig.value(k));
    // equal diagonal with a coupling: the 45° rotation (θ = 0)
    eig.solve(2, 1, 0, 2, 0, 5);
    double[] values = {eig.value(0), eig.value(1), eig.value(2)};
    Arrays.sort(values);
    assertEquals(1, values[0], 1e-15);
    assertEquals(3, values[1], 1e-15);
    assertEquals(5, values[2], 1e-15);
    assertTrue(Double.isFinite(eig.vector(0, 0)));
  }
}
