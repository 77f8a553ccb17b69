package com.rollercoach.core.protocol;

/**
 * Who is at the other end of the link. Text formats fill what they know and leave the rest empty
 * strings / NaN.
 *
 * @param accelRangeG accelerometer full scale, ±g, so raw int16 counts convert to g
 * @param gyroRangeDps gyroscope full scale, ±°/s
 */
public record DeviceInfo(
    int protocolVersion,
    String deviceId,
    String firmwareVersion,
    String sensorModel,
    double accelRangeG,
    double gyroRangeDps,
    double sampleRateHz) {}
