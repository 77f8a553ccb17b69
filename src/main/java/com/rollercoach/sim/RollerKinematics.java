package com.rollercoach.sim;

/**
 * What an IMU inside a rolling roller feels.
 *
 * <p>Frames: world x along the floor in the rolling direction, y along the roller axis (horizontal),
 * z up; the roller frame turns with the roller, R = R_z(ψ)·R_y(θ), where θ is the rotation about the
 * roller's own axis and ψ a small turn of that axis about the vertical. Rolling without slipping on the
 * floor moves the centre by r·θ along the rolling direction, and rolling without slipping under the
 * back moves the contact point along the back by the same arc, so s = r·θ (positive θ is a
 * right-handed turn about the roller's +y axis; the body above moves +x at 2·r·θ̇ and the contact point
 * travels r·θ along the back).
 *
 * <p>For a sensor at ρ from the axis: a = a_centre + α × ρ + ω × (ω × ρ) (tangential and
 * centripetal terms), and the accelerometer reads the specific force f = a − g, with g pointing down,
 * so a resting sensor reads +1 g up, rotating in the sensor frame as θ changes.
 */
public final class RollerKinematics {
  /** Standard gravity, m/s². */
  static final double G = 9.80665;

  private final SensorMount mount;
  private final double radiusM;
  private double gravityAlongAxis;
  private double gravityVertical = 1;

  public RollerKinematics(SensorMount mount, double effectiveRadiusCm) {
    this.mount = mount;
    this.radiusM = effectiveRadiusCm / 100;
  }

  /**
   * The roller lies with its axis tilted by {@code tiltRad} from horizontal (on a slope, one end on a
   * mat): gravity then has a component sin(tilt) along the axis, which never turns with θ.
   */
  public RollerKinematics withTilt(double tiltRad) {
    gravityAlongAxis = Math.sin(tiltRad);
    gravityVertical = Math.cos(tiltRad);
    return this;
  }

  /**
   * @param theta roller rotation [θ, θ', θ''] (rad, rad/s, rad/s²)
   * @param yaw axis turn [ψ, ψ', ψ'']
   * @param verticalG vertical acceleration of the roller centre (foam ringing), g
   * @param gyroDps out: true angular rate in sensor axes, °/s
   * @param accelG out: true specific force in sensor axes, g
   */
  public void sense(double[] theta, double[] yaw, double verticalG, double[] gyroDps, double[] accelG) {
    double th = theta[0];
    double thd = theta[1];
    double thdd = theta[2];
    double ps = yaw[0];
    double psd = yaw[1];
    double psdd = yaw[2];
    double ct = Math.cos(th);
    double st = Math.sin(th);
    double cp = Math.cos(ps);
    double sp = Math.sin(ps);

    // angular velocity in the roller frame: R_y(θ)ᵀ·(0, θ', ψ')
    double wbx = -st * psd;
    double wby = thd;
    double wbz = ct * psd;
    mount.toSensor(wbx, wby, wbz, gyroDps);
    for (int i = 0; i < 3; i++) gyroDps[i] = Math.toDegrees(gyroDps[i]);

    // sensor position from the axis, world frame: R_z(ψ)·R_y(θ)·(d cos φ, 0, d sin φ)
    double d = mount.distanceCm() / 100;
    double bx = d * Math.cos(mount.angleRad());
    double bz = d * Math.sin(mount.angleRad());
    double yx = ct * bx + st * bz; // after R_y(θ)
    double yz = -st * bx + ct * bz;
    double rx = cp * yx;
    double ry = sp * yx;
    double rz = yz;

    // world angular velocity and acceleration
    double wx = -sp * thd;
    double wy = cp * thd;
    double wz = psd;
    double ax = -cp * psd * thd - sp * thdd;
    double ay = -sp * psd * thd + cp * thdd;
    double az = psdd;

    // centre: r·θ'' along the rolling direction, r·θ'·ψ' across it (the path turning), ringing up
    double acx = radiusM * (thdd * cp - thd * psd * sp);
    double acy = radiusM * (thdd * sp + thd * psd * cp);
    double acz = verticalG * G;

    // α × ρ
    double tx = ay * rz - az * ry;
    double ty = az * rx - ax * rz;
    double tz = ax * ry - ay * rx;
    // ω × (ω × ρ)
    double ux = wy * rz - wz * ry;
    double uy = wz * rx - wx * rz;
    double uz = wx * ry - wy * rx;
    double cx = wy * uz - wz * uy;
    double cy = wz * ux - wx * uz;
    double cz = wx * uy - wy * ux;

    double fx = acx + tx + cx;
    double fy = acy + ty + cy + G * gravityAlongAxis;
    double fz = acz + tz + cz + G * gravityVertical;

    // into the roller frame: R_y(θ)ᵀ·R_z(ψ)ᵀ·f
    double qx = cp * fx + sp * fy;
    double qy = -sp * fx + cp * fy;
    double qz = fz;
    double bfx = ct * qx - st * qz;
    double bfz = st * qx + ct * qz;
    mount.toSensor(bfx / G, qy / G, bfz / G, accelG);
  }
}
