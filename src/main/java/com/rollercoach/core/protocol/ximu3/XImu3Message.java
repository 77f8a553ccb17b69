package com.rollercoach.core.protocol.ximu3;

/**
 * The x-IMU3 data messages Roller Coach reads, as documented in the x-IMU3 User Manual section
 * "Communication protocol" (xioTechnologies/x-IMU3-User-Manual, Sections/communicationProtocol.tex)
 * and parsed by the x-IMU3 API (xioTechnologies/x-IMU3-Software,
 * x-IMU3-API/Rust/src/data_messages/*.rs). Every data message starts with a one-character id
 * (ASCII) or that id + 0x80 (binary), then the timestamp in microseconds.
 */
public sealed interface XImu3Message {
  /** Device timestamp, µs since the device started (a 64-bit unsigned count). */
  long timestampUs();

  /** 'I': gyroscope in °/s then accelerometer in g. */
  record Inertial(long timestampUs, float gx, float gy, float gz, float ax, float ay, float az)
      implements XImu3Message {}

  /** 'T': temperature in °C. */
  record Temperature(long timestampUs, float celsius) implements XImu3Message {}

  /** 'B': battery percentage, voltage in volts, charging status 0–3. */
  record Battery(long timestampUs, float percent, float volts, float chargingStatus)
      implements XImu3Message {}

  /** 'N' (notification, e.g. "Button pressed.") or 'F' (error, e.g. "Battery empty."). */
  record Text(long timestampUs, boolean error, String text) implements XImu3Message {}

  /** A well-formed message of a type Roller Coach does not use (magnetometer, quaternion, …). */
  record Other(long timestampUs, char id) implements XImu3Message {}
}
