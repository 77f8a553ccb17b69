package com.rollercoach.sim;

/**
 * Error budgets of common MEMS IMUs, from their datasheets (typical values unless noted):
 *
 * <ul>
 *   <li>MPU-6050: InvenSense PS-MPU-6000A-00 rev. 3.4, §6.1–6.2: gyro rate noise 0.005 °/s/√Hz, zero-rate
 *       output ±20 °/s, sensitivity tolerance ±3 %, cross-axis ±2 %; accel noise 400 µg/√Hz, zero-g
 *       offset ±50 mg (x, y) / ±80 mg (z), calibration tolerance ±3 %.
 *   <li>LSM6DS3: ST DocID026899 rev. 10, table 3: gyro rate noise density 7 mdps/√Hz, zero-rate level
 *       ±10 dps; accel noise density 90 µg/√Hz, zero-g level ±40 mg.
 *   <li>BMI160: Bosch BST-BMI160-DS000, table 1–2: gyro output noise 0.007 °/s/√Hz, zero-rate offset
 *       ±3 °/s, sensitivity error ±1 %; accel noise density 180 µg/√Hz, zero-g offset ±40 mg.
 *   <li>ICM-20948: TDK DS-000189 rev. 1.3, tables 1–2: gyro rate noise 0.015 dps/√Hz, initial ZRO ±5
 *       dps, sensitivity tolerance ±1.5 %; accel noise 230 µg/√Hz, zero-g ±50 mg (board level).
 *   <li>ADXRS610 + ADXL335 (an older analog board, the {@code noisy-gyro} setup): Analog Devices
 *       ADXRS610 rev. B, specifications table: rate noise density 0.05 °/s/√Hz (3.3× the ICM-20948),
 *       sensitivity ±6 %; its null is given in volts (±300 °/s range), taken here as ±20 °/s like the
 *       MPU-6050; ADXL335 rev. B: noise density 300 µg/√Hz (Z axis), zero-g ±150 mg (Z).
 * </ul>
 *
 * <p>Datasheet offsets are worst-case bounds; a part's actual offset is drawn uniformly within half
 * of them (most parts sit well inside the limit), except that one accelerometer in four is drawn
 * within the whole bound ({@link SensorErrors}: a board nobody screened or calibrated). The bias
 * drift terms model temperature (a few °C of warm-up after power-on, roughly 0.02–0.1 °/s per °C
 * for these parts) and a rate random walk.
 *
 * @param gyroNoiseDpsPerRtHz gyro white-noise density
 * @param accelNoiseGPerRtHz accelerometer white-noise density
 * @param gyroOffsetDps datasheet bound of the gyro zero-rate output
 * @param accelOffsetG datasheet bound of the accelerometer zero-g offset
 * @param scaleTolerance bound of the sensitivity error (relative)
 * @param crossAxis bound of the cross-axis sensitivity (relative)
 * @param gyroWarmupDps typical size of the gyro bias change during warm-up
 * @param gyroRandomWalkDpsPerRtS rate random walk of the gyro bias
 */
public enum ImuModel {
  MPU6050(0.005, 400e-6, 20, 0.080, 0.03, 0.02, 0.4, 0.004),
  LSM6DS3(0.007, 90e-6, 10, 0.040, 0.02, 0.01, 0.2, 0.002),
  BMI160(0.007, 180e-6, 3, 0.040, 0.01, 0.01, 0.1, 0.002),
  ICM20948(0.015, 230e-6, 5, 0.050, 0.015, 0.02, 0.2, 0.003),
  ADXRS610(0.05, 300e-6, 20, 0.150, 0.06, 0.02, 0.4, 0.004);

  private final double gyroNoiseDpsPerRtHz;
  private final double accelNoiseGPerRtHz;
  private final double gyroOffsetDps;
  private final double accelOffsetG;
  private final double scaleTolerance;
  private final double crossAxis;
  private final double gyroWarmupDps;
  private final double gyroRandomWalkDpsPerRtS;

  ImuModel(
      double gyroNoiseDpsPerRtHz,
      double accelNoiseGPerRtHz,
      double gyroOffsetDps,
      double accelOffsetG,
      double scaleTolerance,
      double crossAxis,
      double gyroWarmupDps,
      double gyroRandomWalkDpsPerRtS) {
    this.gyroNoiseDpsPerRtHz = gyroNoiseDpsPerRtHz;
    this.accelNoiseGPerRtHz = accelNoiseGPerRtHz;
    this.gyroOffsetDps = gyroOffsetDps;
    this.accelOffsetG = accelOffsetG;
    this.scaleTolerance = scaleTolerance;
    this.crossAxis = crossAxis;
    this.gyroWarmupDps = gyroWarmupDps;
    this.gyroRandomWalkDpsPerRtS = gyroRandomWalkDpsPerRtS;
  }

  public double gyroNoiseDpsPerRtHz() {
    return gyroNoiseDpsPerRtHz;
  }

  public double accelNoiseGPerRtHz() {
    return accelNoiseGPerRtHz;
  }

  public double gyroOffsetDps() {
    return gyroOffsetDps;
  }

  public double accelOffsetG() {
    return accelOffsetG;
  }

  public double scaleTolerance() {
    return scaleTolerance;
  }

  public double crossAxis() {
    return crossAxis;
  }

  public double gyroWarmupDps() {
    return gyroWarmupDps;
  }

  public double gyroRandomWalkDpsPerRtS() {
    return gyroRandomWalkDpsPerRtS;
  }
}
