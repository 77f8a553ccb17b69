package com.rollercoach.sim;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The simulated sensor hardware: IMU part, link, sample rate, 16-bit full-scale ranges.
 *
 * @param name device name written to the CSV metadata
 * @param rateHz nominal sample rate on the device clock
 * @param gyroFullScaleDps gyro range; readings beyond it saturate at ±32767 counts
 * @param accelFullScaleG accelerometer range; readings beyond it saturate
 * @param timestampResolutionS tick of the timestamp (1 ms for Arduino millis(), 1 µs for micros())
 */
public record DeviceSetup(
    String name,
    ImuModel imu,
    Link link,
    double rateHz,
    double gyroFullScaleDps,
    double accelFullScaleG,
    double timestampResolutionS) {

  /** The preset names accepted by {@code simulate --device}. */
  public static final List<String> PRESETS =
      List.of("mpu6050-usb", "lsm6ds3-ble", "bmi160-logger", "icm20948-usb");

  /** A preset at its usual rate (or {@code rateHz} when positive), with ranges drawn from {@code rnd}. */
  public static DeviceSetup preset(String name, double rateHz, RandomGenerator rnd) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "mpu6050-usb" ->
          new DeviceSetup(
              n, ImuModel.MPU6050, Link.USB, rate(rateHz, rnd, 100, 200), pick(rnd, 250, 500), 2,
              0.001);
      case "lsm6ds3-ble" ->
          new DeviceSetup(
              n, ImuModel.LSM6DS3, Link.BLUETOOTH, rate(rateHz, rnd, 26, 52), 500, 4, 0.001);
      case "bmi160-logger" ->
          new DeviceSetup(
              n, ImuModel.BMI160, Link.LOGGER, rate(rateHz, rnd, 50, 100, 200), pick(rnd, 250, 1000),
              pick(rnd, 2, 4), 1e-6);
      case "icm20948-usb" ->
          new DeviceSetup(
              n, ImuModel.ICM20948, Link.USB, rate(rateHz, rnd, 500, 1000), pick(rnd, 500, 1000),
              pick(rnd, 4, 8), 1e-6);
      default ->
          throw new IllegalArgumentException(
              "unknown device '" + name + "' (one of " + String.join(", ", PRESETS) + ")");
    };
  }

  /** Any preset, at its usual rates. */
  public static DeviceSetup random(RandomGenerator rnd, double rateHz) {
    return preset(PRESETS.get(rnd.nextInt(PRESETS.size())), rateHz, rnd);
  }

  public double periodS() {
    return 1 / rateHz;
  }

  private static double rate(double requested, RandomGenerator rnd, double... usual) {
    return requested > 0 ? requested : pick(rnd, usual);
  }

  private static double pick(RandomGenerator rnd, double... options) {
    return options[rnd.nextInt(options.length)];
  }
}
