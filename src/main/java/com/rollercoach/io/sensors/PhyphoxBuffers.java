package com.rollercoach.io.sensors;

/**
 * The phyphox buffer names a live source asks for. The defaults are those of phyphox's own
 * "Acceleration with g" ({@code accX}, {@code accY}, {@code accZ}, {@code acc_time}) and
 * "Gyroscope" ({@code gyrX}, {@code gyrY}, {@code gyrZ}, {@code gyr_time}) experiments, which the
 * Roller Coach experiment (docs/phyphox/roller-coach.phyphox) combines in one run.
 */
public record PhyphoxBuffers(
    String accX,
    String accY,
    String accZ,
    String accTime,
    String gyrX,
    String gyrY,
    String gyrZ,
    String gyrTime) {

  public static PhyphoxBuffers standard() {
    return new PhyphoxBuffers("accX", "accY", "accZ", "acc_time", "gyrX", "gyrY", "gyrZ", "gyr_time");
  }

  /** phyphox for iOS names its gyroscope buffers {@code gyroX}…{@code gyro_time}. */
  public static PhyphoxBuffers ios() {
    return new PhyphoxBuffers("accX", "accY", "accZ", "acc_time", "gyroX", "gyroY", "gyroZ", "gyro_time");
  }

  /**
   * The name sets to try on connecting: both apps' for the standard names (the phone tells which it
   * has by leaving the other's out of its reply), only these for names the user chose.
   */
  java.util.List<PhyphoxBuffers> alternatives() {
    return equals(standard()) ? java.util.List.of(standard(), ios()) : java.util.List.of(this);
  }
}
