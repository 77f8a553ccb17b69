package com.rollercoach.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/** The sensor model against hand-computed rigid-body physics. */
class RollerKinematicsTest {
  private static final double G = RollerKinematics.G;
  private static final double[] NO_YAW = {0, 0, 0};

  @Test
  void sensorOnTheAxisSeesRateAndRotatingGravity() {
    RollerKinematics k = new RollerKinematics(new SensorMount(0, 0, Rotation.IDENTITY), 7.5);
    double[] gyro = new double[3];
    double[] accel = new double[3];
    double theta = Math.toRadians(30);
    k.sense(new double[] {theta, 0.5, 0}, NO_YAW, 0, gyro, accel);
    assertArrayEquals(new double[] {0, Math.toDegrees(0.5), 0}, gyro, 1e-9);
    // +1 g "up" seen from a frame turned by θ about y: R_y(θ)ᵀ·(0, 0, 1)
    assertArrayEquals(new double[] {-Math.sin(theta), 0, Math.cos(theta)}, accel, 1e-12);
  }

  @Test
  void offsetSensorFeelsCentripetalAndTangentialAcceleration() {
    double dCm = 4;
    double rCm = 7.5;
    double w = 3; // rad/s
    double alpha = 2; // rad/s²
    // sensor at +x of the axis, θ = 0: centripetal −ω²d along x; tangential α × ρ = α·d along −z
    RollerKinematics k = new RollerKinematics(new SensorMount(dCm, 0, Rotation.IDENTITY), rCm);
    double[] gyro = new double[3];
    double[] accel = new double[3];
    k.sense(new double[] {0, w, alpha}, NO_YAW, 0, gyro, accel);
    double d = dCm / 100;
    double centreX = alpha * rCm / 100; // rolling without slipping: the centre accelerates at r·α
    double expectedX = (centreX - w * w * d) / G;
    double expectedZ = (G - alpha * d) / G;
    assertArrayEquals(new double[] {expectedX, 0, expectedZ}, accel, 1e-12);
  }

  @Test
  void mountRotationTurnsReadingsIntoSensorAxes() {
    // sensor x along the roller axis: the roll rate shows on x
    Rotation r = new Rotation(Vector3D.PLUS_K, -Math.PI / 2, RotationConvention.VECTOR_OPERATOR);
    SensorMount mount = new SensorMount(0, 0, r);
    double[] axis = mount.axisInSensor();
    RollerKinematics k = new RollerKinematics(mount, 7.5);
    double[] gyro = new double[3];
    double[] accel = new double[3];
    k.sense(new double[] {0, 1, 0}, NO_YAW, 0, gyro, accel);
    double along = gyro[0] * axis[0] + gyro[1] * axis[1] + gyro[2] * axis[2];
    assertEquals(Math.toDegrees(1), along, 1e-9);
    assertEquals(1.0, Math.abs(axis[0]), 1e-12);
    assertEquals(1.0, Math.sqrt(accel[0] * accel[0] + accel[1] * accel[1] + accel[2] * accel[2]), 1e-12);
  }

  @Test
  void quantisationRoundsToCountsAndSaturates() {
    double lsb = 250.0 / 32768;
    assertEquals(3 * lsb, SensorErrors.quantise(3.2 * lsb, lsb), 1e-15);
    assertEquals(32767 * lsb, SensorErrors.quantise(400, lsb), 1e-12);
    assertEquals(-32768 * lsb, SensorErrors.quantise(-400, lsb), 1e-12);
  }
}
