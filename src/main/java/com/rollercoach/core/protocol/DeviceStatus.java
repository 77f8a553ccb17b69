package com.rollercoach.core.protocol;

/** A device's periodic health report. */
public record DeviceStatus(double batteryPercent, double temperatureC, int errorFlags) {}
