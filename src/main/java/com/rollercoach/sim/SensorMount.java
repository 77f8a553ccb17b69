package com.rollercoach.sim;

import static com.rollercoach.sim.Person.between;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.geometry.euclidean.threed.Rotation;
import org.apache.commons.math3.geometry.euclidean.threed.RotationConvention;
import org.apache.commons.math3.geometry.euclidean.threed.Vector3D;

/**
 * Where the IMU sits inside the roller and how it is turned. The roller frame has its y axis along
 * the roller's axis and x, z across it; the sensor sits {@code distanceCm} from the axis at {@code
 * angleRad} in the x–z plane (so rolling adds centripetal ω²d and tangential α·d acceleration), and its
 * axes are the roller frame turned by {@code rollerToSensor}.
 */
public final class SensorMount {
  private final double distanceCm;
  private final double angleRad;
  private final Rotation rollerToSensor;
  private final double[] m = new double[9];

  public SensorMount(double distanceCm, double angleRad, Rotation rollerToSensor) {
    this.distanceCm = distanceCm;
    this.angleRad = angleRad;
    this.rollerToSensor = rollerToSensor;
    Vector3D[] columns = {
      rollerToSensor.applyTo(Vector3D.PLUS_I),
      rollerToSensor.applyTo(Vector3D.PLUS_J),
      rollerToSensor.applyTo(Vector3D.PLUS_K)
    };
    for (int j = 0; j < 3; j++) {
      m[j] = columns[j].getX();
      m[3 + j] = columns[j].getY();
      m[6 + j] = columns[j].getZ();
    }
  }

  /**
   * Half of the mounts are any orientation at all (uniform over rotations, Shoemake's method); the
   * other half are a board squared up to the roller (a signed axis permutation) but misaligned by up
   * to 3°, as a hobbyist would glue it. Distance from the axis: 0 to 60 % of the radius.
   */
  public static SensorMount draw(RandomGenerator rnd, double rollerRadiusCm) {
    Rotation r;
    if (rnd.nextBoolean()) {
      r = uniformRotation(rnd);
    } else {
      r = squaredUp(rnd).compose(smallRotation(rnd, 3), RotationConvention.VECTOR_OPERATOR);
    }
    return new SensorMount(
        between(rnd, 0, 0.6 * rollerRadiusCm), between(rnd, 0, 2 * Math.PI), r);
  }

  private static Rotation uniformRotation(RandomGenerator rnd) {
    double u1 = rnd.nextDouble();
    double u2 = 2 * Math.PI * rnd.nextDouble();
    double u3 = 2 * Math.PI * rnd.nextDouble();
    double a = Math.sqrt(1 - u1);
    double b = Math.sqrt(u1);
    return new Rotation(a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3), b * Math.cos(u3), true);
  }

  private static Rotation squaredUp(RandomGenerator rnd) {
    Vector3D[] axes = {Vector3D.PLUS_I, Vector3D.PLUS_J, Vector3D.PLUS_K};
    Vector3D u = axes[rnd.nextInt(3)].scalarMultiply(rnd.nextBoolean() ? 1 : -1);
    Vector3D v;
    do {
      v = axes[rnd.nextInt(3)].scalarMultiply(rnd.nextBoolean() ? 1 : -1);
    } while (Math.abs(u.dotProduct(v)) > 0.5);
    return new Rotation(Vector3D.PLUS_I, Vector3D.PLUS_J, u, v);
  }

  private static Rotation smallRotation(RandomGenerator rnd, double maxDeg) {
    Vector3D axis =
        new Vector3D(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()).normalize();
    return new Rotation(axis, Math.toRadians(between(rnd, 0, maxDeg)), RotationConvention.VECTOR_OPERATOR);
  }

  public double distanceCm() {
    return distanceCm;
  }

  public double angleRad() {
    return angleRad;
  }

  /** The roller's axis (roller frame +y) in sensor coordinates: positive θ turns about it. */
  public double[] axisInSensor() {
    return new double[] {m[1], m[4], m[7]};
  }

  public Rotation rollerToSensor() {
    return rollerToSensor;
  }

  /** Rotates a roller-frame vector {@code (x, y, z)} into sensor coordinates, into {@code out}. */
  void toSensor(double x, double y, double z, double[] out) {
    out[0] = m[0] * x + m[1] * y + m[2] * z;
    out[1] = m[3] * x + m[4] * y + m[5] * z;
    out[2] = m[6] * x + m[7] * y + m[8] * z;
  }
}
