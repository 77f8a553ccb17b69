package com.rollercoach.io.ble;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The "BLE serial" services a roller can speak: a byte pipe carried by GATT notifications one way and
 * writes the other. The device notifies on {@code notifyUuid}; the host writes on {@code writeUuid}.
 */
public enum BleService {
  /** Nordic UART Service: the de-facto standard (Adafruit, ESP32 examples, micro:bit, nRF Connect). */
  NUS("NUS", "6e400001-b5a3-f393-e0a9-e50e24dcca9e", "6e400003-b5a3-f393-e0a9-e50e24dcca9e",
      "6e400002-b5a3-f393-e0a9-e50e24dcca9e"),
  /** HM-10 / CC254x modules and their clones: one characteristic both notifies and takes writes. */
  FFE0("FFE0", "0000ffe0-0000-1000-8000-00805f9b34fb", "0000ffe1-0000-1000-8000-00805f9b34fb",
      "0000ffe1-0000-1000-8000-00805f9b34fb");

  private final String label;
  private final String serviceUuid;
  private final String notifyUuid;
  private final String writeUuid;

  BleService(String label, String serviceUuid, String notifyUuid, String writeUuid) {
    this.label = label;
    this.serviceUuid = serviceUuid;
    this.notifyUuid = notifyUuid;
    this.writeUuid = writeUuid;
  }

  public String label() {
    return label;
  }

  public String serviceUuid() {
    return serviceUuid;
  }

  /** The device → host characteristic (NUS calls it TX, from the device's point of view). */
  public String notifyUuid() {
    return notifyUuid;
  }

  /** The host → device characteristic (NUS RX). */
  public String writeUuid() {
    return writeUuid;
  }

  /** The service a device offers, from the UUIDs it advertises (NUS preferred when it has both). */
  public static Optional<BleService> of(Collection<String> uuids) {
    for (BleService s : values()) {
      for (String u : uuids) {
        if (u.toLowerCase(Locale.ROOT).equals(s.serviceUuid)) return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
