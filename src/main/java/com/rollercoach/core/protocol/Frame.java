package com.rollercoach.core.protocol;

import java.util.Arrays;

/**
 * One frame of the binary wire protocol, without its envelope (sync, length, sequence, CRC). Field
 * ranges are those of the wire encoding; the constructors reject values that would not fit, so an
 * encoded frame always decodes to an equal record.
 */
public sealed interface Frame {

  /** The frame type byte ({@link WireFormat#TYPE_HELLO} …). */
  int type();

  /**
   * Device → host: who is talking and how to read its samples. Sent at boot, when streaming starts
   * and on {@link Command#REQUEST_HELLO}.
   *
   * @param protocolVersion wire protocol version the device speaks (1)
   * @param flags {@link #FLAG_STREAMING}, other bits reserved (0)
   * @param accelRangeG accelerometer full scale: {@code g = counts * accelRangeG / 32768}
   * @param gyroRangeDps gyroscope full scale: {@code °/s = counts * gyroRangeDps / 32768}
   * @param sampleRateHz nominal IMU sample rate
   * @param deviceId stable unique id (e.g. from the MCU serial number or MAC), ≤ 16 ASCII chars
   * @param firmwareVersion ≤ 16 ASCII chars
   * @param sensorModel IMU part, e.g. "LSM6DS3", ≤ 16 ASCII chars
   */
  record Hello(
      int protocolVersion,
      int flags,
      float accelRangeG,
      float gyroRangeDps,
      float sampleRateHz,
      String deviceId,
      String firmwareVersion,
      String sensorModel)
      implements Frame {
    /** The device is streaming IMU frames. */
    public static final int FLAG_STREAMING = 0x01;

    public Hello {
      checkRange("protocolVersion", protocolVersion, 0, 0xFF);
      checkRange("flags", flags, 0, 0xFF);
      checkPositive("accelRangeG", accelRangeG);
      checkPositive("gyroRangeDps", gyroRangeDps);
      checkPositive("sampleRateHz", sampleRateHz);
      checkAscii("deviceId", deviceId);
      checkAscii("firmwareVersion", firmwareVersion);
      checkAscii("sensorModel", sensorModel);
    }

    @Override
    public int type() {
      return WireFormat.TYPE_HELLO;
    }

    public DeviceInfo toDeviceInfo() {
      return new DeviceInfo(
          protocolVersion,
          deviceId,
          firmwareVersion,
          sensorModel,
          accelRangeG,
          gyroRangeDps,
          sampleRateHz);
    }
  }

  /**
   * Device → host: one IMU reading in raw counts.
   *
   * @param timeUs device clock at the sample, µs, uint32: wraps every 2³² µs ≈ 71.6 min
   * @param ax accelerometer x, int16 counts (likewise ay, az)
   * @param gx gyroscope x, int16 counts (likewise gy, gz)
   */
  record Imu(long timeUs, int ax, int ay, int az, int gx, int gy, int gz) implements Frame {
    public Imu {
      checkRange("timeUs", timeUs, 0, 0xFFFF_FFFFL);
      checkInt16("ax", ax);
      checkInt16("ay", ay);
      checkInt16("az", az);
      checkInt16("gx", gx);
      checkInt16("gy", gy);
      checkInt16("gz", gz);
    }

    @Override
    public int type() {
      return WireFormat.TYPE_IMU;
    }
  }

  /**
   * Device → host: health, sent about once a second (it doubles as the link keep-alive).
   *
   * @param errorFlags {@code ERR_*} bits
   * @param batteryPercent 0..100, or {@link #UNKNOWN_PERCENT} (e.g. USB powered)
   * @param batteryMillivolts battery voltage, 0 when unknown
   * @param temperatureCentiC IMU die temperature in 0.01 °C, {@link #UNKNOWN_TEMPERATURE} when unknown
   * @param droppedSamples samples the device could not send since boot (buffer overrun), uint32
   */
  record Status(
      int errorFlags,
      int batteryPercent,
      int batteryMillivolts,
      int temperatureCentiC,
      long droppedSamples)
      implements Frame {
    public static final int ERR_IMU_FAULT = 0x0001;
    public static final int ERR_ACCEL_SATURATED = 0x0002;
    public static final int ERR_GYRO_SATURATED = 0x0004;
    public static final int ERR_OVERRUN = 0x0008;
    public static final int ERR_LOW_BATTERY = 0x0010;
    public static final int UNKNOWN_PERCENT = 0xFF;
    public static final int UNKNOWN_TEMPERATURE = Short.MIN_VALUE;

    public Status {
      checkRange("errorFlags", errorFlags, 0, 0xFFFF);
      checkRange("batteryPercent", batteryPercent, 0, 0xFF);
      checkRange("batteryMillivolts", batteryMillivolts, 0, 0xFFFF);
      checkInt16("temperatureCentiC", temperatureCentiC);
      checkRange("droppedSamples", droppedSamples, 0, 0xFFFF_FFFFL);
    }

    @Override
    public int type() {
      return WireFormat.TYPE_STATUS;
    }

    /** Unknown battery and temperature become NaN. */
    public DeviceStatus toDeviceStatus() {
      double percent = batteryPercent <= 100 ? batteryPercent : Double.NaN;
      double celsius =
          temperatureCentiC == UNKNOWN_TEMPERATURE ? Double.NaN : temperatureCentiC / 100.0;
      return new DeviceStatus(percent, celsius, errorFlags);
    }
  }

  /**
   * Host → device request; the device answers each with an {@link Ack} carrying this frame's
   * sequence number.
   *
   * @param code one of the constants below (uint8)
   * @param argument uint32, meaning per command ({@link #SET_RATE}: rate in Hz), else 0
   */
  record Command(int code, long argument) implements Frame {
    public static final int START_STREAMING = 0x01;
    public static final int STOP_STREAMING = 0x02;
    public static final int SET_RATE = 0x03;
    public static final int REQUEST_HELLO = 0x04;
    public static final int REQUEST_STATUS = 0x05;

    public Command {
      checkRange("code", code, 0, 0xFF);
      checkRange("argument", argument, 0, 0xFFFF_FFFFL);
    }

    public static Command startStreaming() {
      return new Command(START_STREAMING, 0);
    }

    public static Command stopStreaming() {
      return new Command(STOP_STREAMING, 0);
    }

    public static Command setRate(int hz) {
      return new Command(SET_RATE, hz);
    }

    public static Command requestHello() {
      return new Command(REQUEST_HELLO, 0);
    }

    public static Command requestStatus() {
      return new Command(REQUEST_STATUS, 0);
    }

    @Override
    public int type() {
      return WireFormat.TYPE_COMMAND;
    }
  }

  /**
   * Device → host: the answer to a {@link Command}.
   *
   * @param commandCode the command's code
   * @param commandSeq the command frame's sequence number
   * @param result {@link #OK} or an error below
   * @param value uint32 result value ({@link Command#SET_RATE}: the rate actually applied, Hz), else 0
   */
  record Ack(int commandCode, int commandSeq, int result, long value) implements Frame {
    public static final int OK = 0;
    public static final int UNSUPPORTED = 1;
    public static final int INVALID_ARGUMENT = 2;
    public static final int BUSY = 3;

    public Ack {
      checkRange("commandCode", commandCode, 0, 0xFF);
      checkRange("commandSeq", commandSeq, 0, 0xFFFF);
      checkRange("result", result, 0, 0xFF);
      checkRange("value", value, 0, 0xFFFF_FFFFL);
    }

    @Override
    public int type() {
      return WireFormat.TYPE_ACK;
    }
  }

  /** A CRC-valid frame of a type this protocol version does not define (from newer firmware). */
  record Unknown(int type, byte[] payload) implements Frame {
    public Unknown {
      checkRange("type", type, 0, 0xFF);
      if (WireFormat.minPayload(type) != 0) {
        throw new IllegalArgumentException("type 0x" + Integer.toHexString(type) + " is known");
      }
      if (payload.length > WireFormat.MAX_PAYLOAD) {
        throw new IllegalArgumentException("payload longer than " + WireFormat.MAX_PAYLOAD);
      }
      payload = payload.clone();
    }

    @Override
    public byte[] payload() {
      return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u && u.type == type && Arrays.equals(u.payload, payload);
    }

    @Override
    public int hashCode() {
      return 31 * type + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return "Unknown[type=" + type + ", payload=" + payload.length + " bytes]";
    }
  }

  private static void checkRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " outside " + min + ".." + max);
    }
  }

  private static void checkInt16(String name, int value) {
    checkRange(name, value, Short.MIN_VALUE, Short.MAX_VALUE);
  }

  private static void checkPositive(String name, float value) {
    if (!(value > 0) || Float.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
    }
  }

  private static void checkAscii(String name, String value) {
    if (value.length() > WireFormat.HELLO_STRING_LEN) {
      throw new IllegalArgumentException(
          name + " longer than " + WireFormat.HELLO_STRING_LEN + " chars: " + value);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(name + " has a non-printable-ASCII char: " + value);
      }
    }
  }
}
