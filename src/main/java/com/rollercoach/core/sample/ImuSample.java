package com.rollercoach.core.sample;

/**
 * One IMU reading in sensor coordinates, already converted to physical units.
 *
 * @param tS time in seconds on the source's own clock (any offset; a device clock, a CSV's t_s column)
 * @param axG specific force along the sensor x axis, in g (1 g = 9.80665 m/s²); at rest it reads +1 g "up"
 * @param ayG specific force along y, in g
 * @param azG specific force along z, in g
 * @param gxDps angular velocity about the sensor x axis, in degrees per second (right-handed)
 * @param gyDps angular velocity about y, in °/s
 * @param gzDps angular velocity about z, in °/s
 */
public record ImuSample(
    double tS, double axG, double ayG, double azG, double gxDps, double gyDps, double gzDps) {

  /** Standard gravity, m/s² (CGPM 1901), for sources that report acceleration in SI units. */
  public static final double STANDARD_GRAVITY = 9.80665;
}
